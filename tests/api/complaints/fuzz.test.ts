import { exports } from "cloudflare:workers";
import fc from "fast-check";
import { describe, expect, inject, it } from "vitest";
import { fileOk, ORIGIN, tableCounts, validComplaint } from "./factories";

const RUNS = inject("fuzzRuns");
// 10,000 runs took 89 s on the two-core machine under load: five times that per run, plus 30 s.
const TIMEOUT = 30_000 + RUNS * 45;

/** One malformed change to an otherwise valid complaint: every one of them must be refused. */
const brokenComplaint = fc.oneof(
  fc
    .record({
      field: fc.constantFrom(
        "categoryId",
        "addressText",
        "description",
        "consent",
        "lat",
        "lng",
        "phone",
        "communityId",
        "callbackWanted",
        "name",
      ),
      value: fc.oneof(fc.anything(), fc.string({ maxLength: 5000 }), fc.double()),
    })
    .map(({ field, value }) => {
      const c: Record<string, unknown> = validComplaint();
      c[field] = value;
      // Keep it malformed: a value that happens to be valid for its field is replaced by one that is not.
      if (field === "consent" && value === true) c.consent = "true";
      if (field === "callbackWanted" || field === "name" || field === "communityId") c.consent = false;
      if ((field === "lat" || field === "lng") && typeof value === "number") c.description = "";
      if (field === "addressText" && typeof value === "string" && value.trim().length >= 2) c.categoryId = "X";
      if (field === "description" && typeof value === "string") c.consent = 1;
      return c;
    }),
  fc.anything(),
  fc.json().map((j) => JSON.parse(j) as unknown),
);

const headerValue = fc.oneof(fc.string({ maxLength: 80 }), fc.stringMatching(/^[A-Za-z0-9_-]{0,70}$/), fc.constant(""));
const contentType = fc.constantFrom(
  "application/json",
  "text/plain",
  "multipart/form-data",
  "application/x-www-form-urlencoded",
  "application/json; charset=utf-8",
  "image/jpeg",
  "",
);
const garbageBytes = fc.uint8Array({ maxLength: 2048 });
const jpegLike = garbageBytes.map((b) => new Uint8Array([0xff, 0xd8, 0xff, ...b]));

/** A request to one of the public complaint endpoints with malformed parts. */
const malformedRequest = fc.oneof(
  // Filing, JSON: a broken complaint, or text that is not JSON at all.
  fc
    .record({
      body: fc.oneof(
        brokenComplaint.map((b) => JSON.stringify(b) ?? "null"),
        fc.string({ maxLength: 300 }),
      ),
      key: headerValue,
      type: contentType,
    })
    .map(({ body, key, type }) => ({
      path: "/api/complaints",
      init: { method: "POST", headers: { "content-type": type, "idempotency-key": key }, body },
    })),
  // Filing, multipart: a valid complaint with at least one file that is not an image.
  fc
    .record({
      files: fc.array(fc.oneof(garbageBytes, jpegLike), { minLength: 1, maxLength: 4 }),
      key: headerValue,
      complaint: fc.oneof(fc.constant(JSON.stringify(validComplaint())), fc.string()),
    })
    .map(({ files, key, complaint }) => {
      const form = new FormData();
      form.append("complaint", complaint);
      for (const f of files) form.append("photos", new File([f], "x.jpg", { type: "image/jpeg" }));
      return {
        path: "/api/complaints",
        init: {
          method: "POST",
          headers: { "idempotency-key": key.length >= 8 ? key : `k-${key}-padding` },
          body: form,
        },
      };
    }),
  // Queries with wrong types and ranges.
  fc
    .record({ cat: fc.string({ maxLength: 10 }), lat: fc.string({ maxLength: 12 }), lng: fc.string({ maxLength: 12 }) })
    .map(({ cat, lat, lng }) => ({
      path: `/api/complaints/nearby?categoryId=${encodeURIComponent(cat)}&lat=${encodeURIComponent(lat)}&lng=${encodeURIComponent(lng)}`,
      init: { method: "GET" },
    })),
  fc
    .record({
      q: fc.string({ maxLength: 20 }),
      which: fc.constantFrom(
        "hotspots?days=",
        "open-data.json?from=",
        "open-data.csv?to=",
        "?limit=",
        "?before=",
        "?state=",
      ),
    })
    .map(({ q, which }) => ({
      path: `/api/complaints/${which}${encodeURIComponent(q)}x`,
      init: { method: "GET" },
    })),
  // Support, tracking, rating, reopening and photos with made-up secrets and bodies.
  fc.record({ id: headerValue, caseNumber: fc.string({ maxLength: 15 }) }).map(({ id, caseNumber }) => ({
    path: `/api/complaints/${encodeURIComponent(caseNumber) || "x"}/support`,
    init: { method: "POST", headers: { "x-supporter-id": id } },
  })),
  fc
    .record({
      token: headerValue,
      body: brokenComplaint.map((b) => JSON.stringify(b) ?? "null"),
      path: fc.constantFrom(
        "/api/complaints/track",
        "/api/complaints/track/rating",
        "/api/complaints/track/reopen",
        "/api/complaints/track/lookup",
        "/api/complaints/track/photos/1",
      ),
    })
    .map(({ token, body, path }) => ({
      path,
      init: {
        method: path.endsWith("track") || path.includes("photos") ? "GET" : "POST",
        headers: { "x-tracking-token": token, "content-type": "application/json" },
        body: path.endsWith("track") || path.includes("photos") ? undefined : body,
      },
    })),
  fc.nat({ max: 2 ** 31 }).map((id) => ({ path: `/api/complaints/photos/${id}`, init: { method: "GET" } })),
  // A case's public page and its feed, for made-up case numbers.
  fc.record({ caseNumber: fc.string({ maxLength: 20 }), feed: fc.boolean() }).map(({ caseNumber, feed }) => ({
    path: `/api/complaints/cases/${encodeURIComponent(caseNumber) || "x"}${feed ? "/feed.xml" : ""}`,
    init: { method: "GET" },
  })),
  // The contact deletion with made-up secrets: refused, and the one real case keeps its contact.
  headerValue.map((token) => ({
    path: "/api/complaints/track/contact",
    init: { method: "DELETE", headers: { "x-tracking-token": token } },
  })),
);

describe("fuzzing the public complaint endpoints", () => {
  it(
    `answers ${RUNS} malformed requests with 4xx problems only, and writes nothing`,
    async () => {
      // One real case exists, so lookups and support have something to miss against.
      await fileOk();
      const before = await tableCounts();
      const statuses = new Map<number, number>();
      await fc.assert(
        fc.asyncProperty(malformedRequest, async ({ path, init }) => {
          const res = await exports.default.fetch(`${ORIGIN}${path}`, init as RequestInit);
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          const type = res.headers.get("content-type") ?? "";
          const body = await res.text();
          if (res.status < 400 || res.status >= 500 || !type.includes("application/problem+json")) {
            throw new Error(`${init.method} ${path} → ${res.status} ${type} ${body.slice(0, 200)}`);
          }
        }),
        { numRuns: RUNS, seed: 20261127 },
      );
      expect(await tableCounts()).toEqual(before);
      expect([...statuses.keys()].every((s) => s >= 400 && s < 500)).toBe(true);
      // The fuzz reached validation, not only the router: 422s dominate.
      expect(statuses.get(422) ?? 0).toBeGreaterThan(RUNS / 4);
    },
    TIMEOUT,
  );
});
