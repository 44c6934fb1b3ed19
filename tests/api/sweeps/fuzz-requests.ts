import fc from "fast-check";
import { addDays, chinaDay } from "../../../src/shared/time";
import { validSignup } from "./factories";

// What the sweeps fuzz (fuzz.test.ts) sends: values that are never valid for their field, and the
// malformed requests built from them for the list, a sweep, sign-up and the manage link. The
// sub-features' endpoints (consent, groups, the leader, certificates) are in fuzz-day.ts.

export const notString = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 }),
);
export const blank = fc.stringMatching(/^[ \t\u3000]{0,5}$/);
export const tooLong = (min: number) =>
  fc.string({ minLength: min + 1, maxLength: min + 40 }).map((s) => `字${s}`.padEnd(min + 1, "长"));
/** Never a mobile number, however normalised: a letter stays. */
export const notPhone = fc.string({ maxLength: 20 }).map((s) => `x${s}`);
export const notMonth = fc.oneof(
  fc.string({ maxLength: 10 }).map((s) => `x${s}`),
  fc.constantFrom("2000-13", "2000-00", "2000-1", "20000-01", "2000/05", "2000-05-01"),
);
/** Never a day that exists: a letter stays, or a date no calendar has. */
export const notDay = fc.oneof(
  fc.string({ maxLength: 12 }).map((s) => `x${s}`),
  fc.constantFrom("2026-02-30", "2026-13-01", "26-01-01", "2026-1-01", "2026-04-31", "", "2026-05"),
);
const year = new Date().getUTCFullYear();

/** One field of an otherwise valid sign-up made invalid, or dropped: every one must be refused. */
const brokenSignup = fc
  .oneof(
    fc.record({ field: fc.constant("name"), value: fc.oneof(notString, blank, tooLong(40)) }),
    fc.record({ field: fc.constant("phone"), value: fc.oneof(notString, notPhone) }),
    fc.record({ field: fc.constant("organisation"), value: fc.oneof(notString, blank, fc.constant("a"), tooLong(60)) }),
    fc.record({ field: fc.constant("birthMonth"), value: fc.oneof(notString, notMonth) }),
    // Too young for the sweep (minimum 16), or born in the future: refused on the server.
    fc.record({
      field: fc.constant("birthMonth"),
      value: fc
        .record({ age: fc.integer({ min: -5, max: 15 }), month: fc.integer({ min: 1, max: 12 }) })
        .map(({ age, month }) => `${year - age}-${String(month).padStart(2, "0")}`),
    }),
    fc.record({ field: fc.constant("consent"), value: fc.anything().filter((v) => v !== true) }),
    fc.record({
      field: fc.constant("volunteerNumber"),
      value: fc.oneof(
        notString,
        fc.string({ maxLength: 20 }).map((s) => `${s}!`),
      ),
    }),
    fc.record({ field: fc.constant("guardianPhone"), value: fc.oneof(notString, notPhone) }),
    fc.record({ field: fc.constant("guardianName"), value: fc.oneof(notString, tooLong(40)) }),
    fc.record({
      field: fc.constantFrom("name", "phone", "organisation", "birthMonth", "consent"),
      value: fc.constant(undefined),
    }),
  )
  .map(({ field, value }) => {
    const body: Record<string, unknown> = validSignup();
    if (value === undefined) delete body[field];
    else body[field] = value;
    return JSON.stringify(body);
  });

export const notJson = fc.oneof(
  fc.anything().map((a) => JSON.stringify(a) ?? "null"),
  fc.string({ maxLength: 300 }),
  fc.json({ maxDepth: 2 }),
);

/** An Idempotency-Key that is never 8–64 URL-safe characters. */
export const badKey = fc.oneof(
  fc.constant(""),
  fc.stringMatching(/^[A-Za-z0-9_-]{1,7}$/),
  fc.stringMatching(/^[A-Za-z0-9_-]{65,90}$/),
  fc.string({ maxLength: 30 }).map((s) => `${s} key#${s}`),
);
export const goodKey = fc.uuid();
export const notJsonType = fc.constantFrom(
  "text/plain",
  "multipart/form-data",
  "application/x-www-form-urlencoded",
  "",
  "image/jpeg",
  "text/json",
  "application/jsonx",
);
/** A 22-character secret in the right alphabet (a miss: 404), or one in the wrong shape (422). */
export const token = fc.oneof(fc.stringMatching(/^[A-Za-z0-9_-]{22}$/), fc.string({ maxLength: 40 }), fc.constant(""));
/** A path segment that is not a sweep's id: random text, or ten letters and digits no sweep has. */
export const sweepId = fc.oneof(
  fc.string({ maxLength: 20 }).map((s) => encodeURIComponent(s) || "x"),
  fc.stringMatching(/^[a-z0-9]{10}$/),
);

/** A list query with at least one part invalid. */
const badListQuery = fc.oneof(
  fc.string({ maxLength: 50 }).map((s) => `community=${encodeURIComponent(`${s}X`)}`),
  fc.constantFrom("community=a", `community=${"a".repeat(41)}`),
  fc.tuple(fc.constantFrom("from", "to"), notDay).map(([k, s]) => `${k}=${encodeURIComponent(s)}`),
  fc.string({ maxLength: 5 }).map((s) => `minors=${encodeURIComponent(`${s}x`)}`),
  // A period longer than the list covers, or running backwards.
  fc.integer({ min: 92, max: 800 }).map((n) => `from=${chinaDay()}&to=${addDays(chinaDay(), n)}`),
  fc.integer({ min: 1, max: 400 }).map((n) => `from=${chinaDay()}&to=${addDays(chinaDay(), -n)}`),
);
const extraQuery = fc.array(
  fc.tuple(fc.constantFrom("community", "from", "to", "minors", "page", "t"), fc.string({ maxLength: 8 })),
  { maxLength: 2 },
);

export interface FuzzRequest {
  path: string;
  init: RequestInit & { headers?: Record<string, string> };
}

/** The sweeps and secrets the fuzz aims at, made once before it runs. */
export interface Targets {
  open: string;
  full: string;
  cancelled: string;
  draft: string;
  /** A real sign-up's manage secret: sent only where it is never read, or where it writes nothing. */
  manageToken: string;
}

export function signupRequests(t: Targets): fc.Arbitrary<FuzzRequest> {
  const post = (id: string, body: string, key: string, type = "application/json"): FuzzRequest => ({
    path: `/api/sweeps/${id}/signups`,
    init: { method: "POST", headers: { "content-type": type, "idempotency-key": key }, body },
  });
  const valid = () => JSON.stringify(validSignup());
  return fc.oneof(
    // Sign-up bodies: one broken field, or not a sign-up at all.
    { weight: 4, arbitrary: fc.tuple(brokenSignup, goodKey).map(([b, k]) => post(t.open, b, k)) },
    { weight: 2, arbitrary: fc.tuple(notJson, goodKey).map(([b, k]) => post(t.open, b, k)) },
    // A valid sign-up with a broken Idempotency-Key, or not sent as JSON.
    { weight: 1, arbitrary: badKey.map((k) => post(t.open, valid(), k)) },
    { weight: 1, arbitrary: fc.tuple(notJsonType, goodKey).map(([type, k]) => post(t.open, valid(), k, type)) },
    // A valid sign-up to a sweep that is not there, a draft, cancelled, or full with a full waitlist.
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.oneof(sweepId, fc.constantFrom(t.draft, t.cancelled, t.full)), goodKey)
        .map(([id, k]) => post(id, valid(), k)),
    },
    // The list with a broken query.
    {
      weight: 2,
      arbitrary: fc.tuple(badListQuery, extraQuery).map(([q, extra]) => ({
        path: `/api/sweeps?${[q, ...extra.map(([k, v]) => `${k}=${encodeURIComponent(v)}`)].join("&")}`,
        init: { method: "GET" },
      })),
    },
    // A sweep's page by a made-up id, and methods no route has.
    { weight: 1, arbitrary: sweepId.map((id) => ({ path: `/api/sweeps/${id}`, init: { method: "GET" } })) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom("PUT", "PATCH", "DELETE"), fc.constantFrom("", `/${t.open}`, `/${t.open}/signups`))
        .map(([method, p]) => ({ path: `/api/sweeps${p}`, init: { method } })),
    },
    // The manage link with made-up secrets; the real one only in the query string, where it is never read.
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom(["GET", ""], ["DELETE", ""], ["POST", "/confirm"]), token)
        .map(([[method, p], tok]) => ({
          path: `/api/sweeps/manage${p}`,
          init: { method, headers: { "x-manage-token": tok } },
        })),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(["GET", ""], ["DELETE", ""], ["POST", "/confirm"]).map(([method, p]) => ({
        path: `/api/sweeps/manage${p}?t=${t.manageToken}&token=${t.manageToken}`,
        init: { method },
      })),
    },
  );
}
