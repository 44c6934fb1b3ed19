import fc from "fast-check";
import { GROUP_MAX } from "../../../src/shared/sweeps/rules";
import { newPhone } from "./factories";
import {
  blank,
  type FuzzRequest,
  goodKey,
  notJson,
  notMonth,
  notPhone,
  notString,
  type Targets,
  token,
  tooLong,
} from "./fuzz-requests";

// The sweeps fuzz's requests to the sub-features: a guardian's consent, groups, the leader's page and
// certificates. A real secret is sent only with a body that is refused before anything is read, or
// to an endpoint that writes nothing for it; every made-up secret misses.

/** The secrets of the sub-features the fuzz aims at. */
export interface DayTargets extends Targets {
  /** A minor's guardian's consent secret (the place is held, consent not given). */
  consentToken: string;
  groupToken: string;
  /** A member row of that group, details not yet given. */
  memberId: number;
  leaderToken: string;
}

const json = (method: string, path: string, headers: Record<string, string>, body: unknown): FuzzRequest => ({
  path: `/api/sweeps${path}`,
  init: {
    method,
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  },
});

/** One field of an otherwise valid object made invalid, or dropped unless `optional`, as JSON text. */
function broken<T extends Record<string, unknown>>(
  valid: () => T,
  fields: { [K in keyof T]?: fc.Arbitrary<unknown> },
  optional: (keyof T)[] = [],
) {
  const choices = Object.entries(fields).map(([field, value]) =>
    fc.record({ field: fc.constant(field), value: value as fc.Arbitrary<unknown> }),
  );
  return fc.tuple(fc.oneof(...choices), fc.boolean()).map(([{ field, value }, drop]) => {
    const body: Record<string, unknown> = valid();
    if (drop && !optional.includes(field)) delete body[field];
    else body[field] = value;
    return JSON.stringify(body);
  });
}

const notTrue = fc.anything().filter((v) => v !== true);

const brokenConsent = broken(() => ({ guardianName: "王大明", consent: true }), {
  guardianName: fc.oneof(notString, blank, tooLong(40)),
  consent: notTrue,
});

const validGroup = () => ({
  contactName: "李老师",
  contactPhone: newPhone(),
  organisation: "青溪中学 初二（3）班",
  size: 3,
  consent: true,
});
const brokenGroup = broken(validGroup, {
  contactName: fc.oneof(notString, blank, tooLong(40)),
  contactPhone: fc.oneof(notString, notPhone),
  organisation: fc.oneof(notString, blank, fc.constant("a"), tooLong(60)),
  size: fc.oneof(
    // At the bounds most often, and far past them.
    { weight: 4, arbitrary: fc.constantFrom(-1, 0, 1, GROUP_MAX + 1, GROUP_MAX + 2) },
    { weight: 1, arbitrary: notString },
    { weight: 1, arbitrary: fc.integer({ max: -2 }) },
    { weight: 1, arbitrary: fc.integer({ min: GROUP_MAX + 3 }) },
    { weight: 1, arbitrary: fc.double({ min: 2.01, max: 59.99, noInteger: true }) },
  ),
  consent: notTrue,
});

const validMember = () => ({ name: "张同学", phone: newPhone(), birthMonth: "2004-03" });
const brokenMember = broken(validMember, {
  name: fc.oneof(notString, blank, tooLong(40)),
  phone: fc.oneof(notString, notPhone),
  birthMonth: fc.oneof(notString, notMonth),
});

/** Not a sign-up's id: not a whole positive number. */
const notSignupId = fc.oneof(
  notString,
  fc.integer({ min: -2, max: 0 }),
  fc.integer({ max: 0 }),
  fc.double({ noInteger: true }),
);
const brokenAttendance = fc.oneof(
  notSignupId.map((signupId) => JSON.stringify({ signupId })),
  fc
    .oneof(
      notString,
      fc.string({ maxLength: 7 }),
      fc.string({ minLength: 9, maxLength: 20 }).map((s) => `${s}!`),
    )
    .map((code) => JSON.stringify({ code })),
  notJson,
);
const validWalkIn = () => ({ name: "路过的张三", phone: newPhone(), organisation: "", birthMonth: "1990-03" });
const brokenWalkIn = broken(
  validWalkIn,
  {
    name: fc.oneof(notString, blank, tooLong(40)),
    phone: fc.oneof(notString, notPhone),
    birthMonth: fc.oneof(notString, notMonth),
    organisation: fc.oneof(notString, tooLong(60)),
  },
  ["organisation"],
);
const leadActions = fc.constantFrom("/checkin", "/checkout", "/no-show", "/undo");

export function dayRequests(t: DayTargets): fc.Arbitrary<FuzzRequest> {
  const consent = (tok: string) => ({ "x-consent-token": tok });
  const group = (tok: string) => ({ "x-group-token": tok });
  const leader = (tok: string) => ({ "x-leader-token": tok });
  return fc.oneof(
    // Consent: made-up secrets whatever the method; the real one only with a refused body.
    fc
      .tuple(fc.constantFrom("GET", "POST", "DELETE"), token)
      .map(([method, tok]) =>
        method === "POST"
          ? json(method, "/consent", consent(tok), { guardianName: "王大明", consent: true })
          : { path: "/api/sweeps/consent", init: { method, headers: consent(tok) } },
      ),
    { weight: 2, arbitrary: brokenConsent.map((body) => json("POST", "/consent", consent(t.consentToken), body)) },
    token.map((tok) => ({
      path: "/api/sweeps/manage/guardian-link",
      init: { method: "POST", headers: { "x-manage-token": tok } },
    })),
    // Groups: broken sign-ups; the group link with made-up secrets; the real one with broken details.
    {
      weight: 3,
      arbitrary: fc
        .tuple(brokenGroup, goodKey)
        .map(([body, key]) => json("POST", `/${t.open}/groups`, { "idempotency-key": key }, body)),
    },
    fc
      .constantFrom(t.draft, t.cancelled, t.full, "zzzzzzzzzz")
      .chain((id) => goodKey.map((key) => json("POST", `/${id}/groups`, { "idempotency-key": key }, validGroup()))),
    fc
      .tuple(
        fc.constantFrom(
          ["GET", ""],
          ["DELETE", ""],
          ["DELETE", `/members/${t.memberId}`],
          ["PUT", `/members/${t.memberId}`],
        ),
        token,
      )
      .map(([[method, p], tok]) =>
        method === "PUT"
          ? json(method, `/group${p}`, group(tok), validMember())
          : { path: `/api/sweeps/group${p}`, init: { method, headers: group(tok) } },
      ),
    {
      weight: 2,
      arbitrary: brokenMember.map((body) => json("PUT", `/group/members/${t.memberId}`, group(t.groupToken), body)),
    },
    fc
      .string({ maxLength: 15 })
      .map((id) => json("PUT", `/group/members/${encodeURIComponent(`x${id}`)}`, group(t.groupToken), validMember())),
    // The leader: made-up secrets; the real one with refused bodies, or a sign-up of no sweep of theirs.
    fc.tuple(leadActions, token).map(([action, tok]) => json("POST", `/lead${action}`, leader(tok), { signupId: 1 })),
    token.map((tok) => ({ path: "/api/sweeps/lead", init: { method: "GET", headers: leader(tok) } })),
    {
      weight: 2,
      arbitrary: fc
        .tuple(leadActions, brokenAttendance)
        .map(([action, body]) => json("POST", `/lead${action}`, leader(t.leaderToken), body)),
    },
    fc
      .tuple(leadActions, fc.integer({ min: 10_000_000, max: 2 ** 31 }))
      .map(([action, signupId]) => json("POST", `/lead${action}`, leader(t.leaderToken), { signupId })),
    { weight: 2, arbitrary: brokenWalkIn.map((body) => json("POST", "/lead/walk-ins", leader(t.leaderToken), body)) },
    // Certificates: verification of made-up numbers and codes; the volunteer's own with made-up secrets,
    // and the real one before any approved hours (nothing to certify).
    fc.tuple(fc.string({ maxLength: 24 }), fc.string({ maxLength: 14 })).map(([number, code]) => ({
      path: `/api/sweeps/certificates/${encodeURIComponent(`Q${number}`)}?code=${encodeURIComponent(code)}`,
      init: { method: "GET" },
    })),
    fc.tuple(fc.constantFrom("GET", "POST"), token).map(([method, tok]) => ({
      path: "/api/sweeps/manage/certificate",
      init: { method, headers: { "x-manage-token": tok } },
    })),
    fc.constant({
      path: "/api/sweeps/manage/certificate",
      init: { method: "POST", headers: { "x-manage-token": t.manageToken } },
    }),
  );
}
