import { env } from "cloudflare:workers";
import fc from "fast-check";
import { describe, expect, inject, it } from "vitest";
import { ORIGIN } from "../staff/factories";
import { deskSession, received, step } from "./applications-factories";
import { slotsAhead } from "./factories";
import { answersOnlyProblems, type FuzzRequest } from "./fuzz-kit";

// A quarter of FUZZ_RUNS malformed or refused requests to the applications' endpoints: every step
// with one field broken (or whole but stale, or from a step the table refuses), intakes of unknown,
// malformed or already received bookings, malformed application numbers in the path, queue queries
// for unknown points, and lookups with junk or the wrong phone. Each answers 4xx problem+json and no
// application or appointment table, nor the audit log, changes.

const RUNS = Math.ceil(inject("fuzzRuns") / 4);
const TIMEOUT = 60_000 + RUNS * 20;

/** The lookup's limiter always allows (the fuzz is about validation and writes). */
const allowing = { ...env, TRACK_LIMITER: { limit: async () => ({ success: true }) } };

async function tables(): Promise<Record<string, unknown[]>> {
  const { results } = await env.DB.prepare(
    `SELECT name FROM sqlite_master WHERE type = 'table'
      AND (name LIKE 'application%' OR name LIKE 'appointment%' OR name = 'audit_log') ORDER BY name`,
  ).all<{ name: string }>();
  const names = results.map((r) => r.name);
  const rows = await env.DB.batch(names.map((t) => env.DB.prepare(`SELECT * FROM "${t}" ORDER BY rowid`)));
  return Object.fromEntries(names.map((t, i) => [t, rows[i]?.results ?? []]));
}

const junk = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.constantFrom("", " ", "\u0000", "\u202e王", "a".repeat(1200), "granted", "refused"),
  fc.integer({ min: -5, max: 1_000_000 }),
  fc.constant(null),
  fc.boolean(),
  fc.array(fc.anything(), { maxLength: 3 }),
);

describe("fuzzing the applications' endpoints", () => {
  it(
    `answers ${RUNS} malformed or refused requests with 4xx problems only, and writes nothing`,
    async () => {
      const clerk = await deskSession();
      // An open application (every whole body below carries a stale version) and a withdrawn one
      // (the table allows nothing from it, whatever the version).
      const open = await received(clerk);
      const gone = await received(clerk);
      await step(clerk, gone.app.applicationNumber, "withdraw", { version: 0, note: "测试撤回" });
      const inspection = (slotsAhead("inspection")[0] as { id: string }).id;
      const before = await tables();

      const stale = 7;
      const bases: Record<string, Record<string, unknown>> = {
        "request-correction": { version: stale, items: [{ item: "设置承诺书" }], workingDays: 10 },
        "materials-supplied": { version: stale },
        accept: { version: stale, note: "" },
        "book-inspection": { version: stale, slotId: inspection },
        decide: { version: stale, decision: "refused", reasons: "理由" },
        close: { version: stale },
        withdraw: { version: stale, note: "撤回" },
      };
      const staffJson = (method: string, path: string, body: unknown) => ({
        path: `/api/staff/appointments/applications${path}`,
        init: {
          method,
          headers: {
            origin: ORIGIN,
            "sec-fetch-site": "same-origin",
            cookie: clerk,
            "content-type": "application/json",
          },
          body: typeof body === "string" ? body : JSON.stringify(body),
        },
      });
      const actions = fc.constantFrom(...Object.keys(bases));
      const numbers = fc.constantFrom(open.app.applicationNumber, gone.app.applicationNumber);
      const brokenStep = fc
        .tuple(
          actions,
          numbers,
          fc.constantFrom("version", "items", "slotId", "decision", "reasons", "note", "itemIds"),
          junk,
        )
        // A version of 0 is the open application's own: whole and current, it would be a real step.
        .filter(([, , field, value]) => !(field === "version" && value === 0))
        .map(([action, n, field, value]) => staffJson("POST", `/${n}/${action}`, { ...bases[action], [field]: value }));
      const refusedWhole = fc
        .tuple(actions, numbers)
        .map(([action, n]) =>
          staffJson(
            "POST",
            `/${n}/${action}`,
            n === gone.app.applicationNumber ? { ...bases[action], version: 1 } : bases[action],
          ),
        );
      const intake = fc.oneof(
        junk.map((bookingNumber) => staffJson("POST", "/intake", { bookingNumber })),
        fc
          .stringMatching(/^YY[0-9A-HJKMNP-TV-Z]{8}$/)
          .map((bookingNumber) => staffJson("POST", "/intake", { bookingNumber })),
        fc.constant(staffJson("POST", "/intake", { bookingNumber: open.booking.bookingNumber })),
        fc.string({ maxLength: 30 }).map((text) => staffJson("POST", "/intake", `{${text}`)),
      );
      const badPaths = fc.oneof(
        fc
          .tuple(fc.string({ maxLength: 20 }), actions)
          .map(([n, action]) => staffJson("POST", `/${encodeURIComponent(n) || "x"}/${action}`, bases[action])),
        fc.string({ maxLength: 20 }).map((point) => ({
          path: `/api/staff/appointments/applications?point=${encodeURIComponent(point)}`,
          init: { method: "GET", headers: { cookie: clerk } },
        })),
        fc.stringMatching(/^SQ[0-9A-HJKMNP-TV-Z]{8}$/).map((n) => ({
          path: `/api/staff/appointments/applications/${n}`,
          init: { method: "GET", headers: { cookie: clerk } },
        })),
      );
      const lookupJson = (body: unknown) => ({
        path: "/api/appointments/applications/lookup",
        init: { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) },
      });
      const lookup = fc.oneof(
        fc.tuple(junk, junk).map(([applicationNumber, phone]) => lookupJson({ applicationNumber, phone })),
        fc
          .stringMatching(/^1[3-9]\d{9}$/)
          .filter((phone) => phone !== open.phone)
          .map((phone) => lookupJson({ applicationNumber: open.app.applicationNumber, phone })),
        fc
          .stringMatching(/^SQ[0-9A-HJKMNP-TV-Z]{8}$/)
          .map((n) => lookupJson({ applicationNumber: n, phone: open.phone })),
      );
      const request: fc.Arbitrary<FuzzRequest> = fc.oneof(
        { weight: 5, arbitrary: brokenStep },
        { weight: 2, arbitrary: refusedWhole },
        { weight: 2, arbitrary: intake },
        { weight: 2, arbitrary: badPaths },
        { weight: 3, arbitrary: lookup },
      );

      await answersOnlyProblems(request, { env: allowing, ipPrefix: "2001:db8:fa::", runs: RUNS, seed: 20261202 });
      expect(await tables()).toEqual(before);
    },
    TIMEOUT,
  );
});
