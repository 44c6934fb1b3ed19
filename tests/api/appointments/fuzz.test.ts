import { env } from "cloudflare:workers";
import fc from "fast-check";
import { describe, expect, inject, it } from "vitest";
import { booked, newKey, slotsAhead, validBooking } from "./factories";
import { answersOnlyProblems, type FuzzRequest } from "./fuzz-kit";

// 10,000 (FUZZ_RUNS) malformed requests to the public appointments endpoints: broken booking fields,
// slot ids the data does not offer, bad Idempotency-Keys and media types, not JSON, made-up and
// malformed manage secrets, broken reschedules and slot queries, and valid bookings to a full slot
// or from a phone that already holds one. Each answers 4xx problem+json, and no appointments table changes.

const RUNS = inject("fuzzRuns");
const TIMEOUT = 30_000 + RUNS * 15;

/** The booking's limiter always allows (the fuzz is about validation and writes; tests/api/platform has the limiter's contract). */
const allowing = { ...env, COMPLAINT_LIMITER: { limit: async () => ({ success: true }) } };

async function tables(): Promise<Record<string, unknown[]>> {
  const names = ["appointments", "appointment_messages", "appointment_idempotency_keys"];
  const rows = await env.DB.batch(names.map((t) => env.DB.prepare(`SELECT * FROM "${t}" ORDER BY rowid`)));
  return Object.fromEntries(names.map((t, i) => [t, rows[i]?.results ?? []]));
}

const intake = slotsAhead("intake");

const junk = fc.oneof(
  fc.string({ maxLength: 90 }),
  fc.constantFrom("", " ", "\u0000", "\u202e王", "a".repeat(300), "１３９００００１１１１"),
  fc.integer(),
  fc.constant(null),
  fc.boolean(),
  fc.array(fc.string(), { maxLength: 2 }),
);

describe("fuzzing the public appointments endpoints", () => {
  it(
    `answers ${RUNS} malformed requests with 4xx problems only, and writes nothing`,
    async () => {
      const full = (intake[0] as { id: string }).id;
      const holder = await booked(full);
      await booked(full);
      const open = (intake[1] as { id: string }).id;
      const phone = "13912340000";
      await booked((intake.at(-1) as { id: string }).id, { phone });
      const valid = validBooking(open);
      // The base of the one-field breakages: a full slot and a phone that already holds an intake, so
      // a "broken" value that happens to be valid (a full-width phone number) is still refused whole.
      const refused = { ...valid, slotId: full, phone };
      const before = await tables();

      const json = (method: string, path: string, body: unknown, headers: Record<string, string> = {}) => ({
        path,
        init: {
          method,
          headers: { "content-type": "application/json", ...headers },
          body: typeof body === "string" ? body : JSON.stringify(body),
        },
      });
      const field = fc.constantFrom(...Object.keys(valid), "slotId", "phone", "extra");
      const brokenBooking = fc
        .tuple(field, junk)
        .map(([k, value]) =>
          json("POST", "/api/appointments/bookings", { ...refused, [k]: value }, { "idempotency-key": newKey() }),
        )
        .filter((r) => r.init.body !== JSON.stringify(refused));
      const notOffered = fc
        .tuple(
          fc.constantFrom("linhe", "nowhere", "guiyuan"),
          fc.constantFrom("intake", "inspection", "consultation"),
          fc.date({ min: new Date("2025-01-01"), max: new Date("2027-12-31"), noInvalidDate: true }),
          fc.constantFrom("03:00", "09:10", "23:30", "13:00"),
        )
        .map(([p, s, d, clock]) =>
          json(
            "POST",
            "/api/appointments/bookings",
            { ...valid, slotId: `${p}:${s}:${d.toISOString().slice(0, 10)}T${clock}+08:00` },
            { "idempotency-key": newKey() },
          ),
        );
      const refusedWhole = fc.constantFrom(
        json("POST", "/api/appointments/bookings", { ...valid, slotId: full }, { "idempotency-key": newKey() }),
        json("POST", "/api/appointments/bookings", { ...valid, phone }, { "idempotency-key": newKey() }),
      );
      const badHeaders = fc.oneof(
        fc
          .string({ maxLength: 80 })
          .map((key) => json("POST", "/api/appointments/bookings", refused, { "idempotency-key": key })),
        fc.constant(json("POST", "/api/appointments/bookings", refused)),
        fc.string({ maxLength: 40 }).map((text) => ({
          path: "/api/appointments/bookings",
          init: { method: "POST", headers: { "content-type": "text/plain", "idempotency-key": newKey() }, body: text },
        })),
        fc
          .string({ maxLength: 40 })
          .map((text) => json("POST", "/api/appointments/bookings", `{${text}`, { "idempotency-key": newKey() })),
      );
      const token = fc.oneof(fc.string({ maxLength: 30 }), fc.stringMatching(/^[A-Za-z0-9_-]{22}$/));
      const manage = fc.oneof(
        fc.tuple(token, fc.constantFrom("GET", "DELETE")).map(([t, method]) => ({
          path: "/api/appointments/manage",
          init: { method, headers: { "x-manage-token": t } },
        })),
        fc
          .tuple(token, junk)
          .map(([t, slotId]) =>
            json("POST", "/api/appointments/manage/reschedule", { slotId }, { "x-manage-token": t }),
          ),
        junk.map((slotId) =>
          json("POST", "/api/appointments/manage/reschedule", { slotId }, { "x-manage-token": holder.manageToken }),
        ),
        fc.constant(
          json(
            "POST",
            "/api/appointments/manage/reschedule",
            { slotId: full },
            { "x-manage-token": holder.manageToken },
          ),
        ),
        fc.constant({ path: `/api/appointments/manage?t=${holder.manageToken}`, init: { method: "GET", headers: {} } }),
      );
      const slots = fc
        .tuple(
          fc.string({ maxLength: 12 }),
          fc.string({ maxLength: 12 }),
          fc.constantFrom("2026-02-31", "2026-13-01", "x", ""),
        )
        .map(([point, service, from]) => ({
          path: `/api/appointments/slots?point=${encodeURIComponent(point)}&service=${encodeURIComponent(service)}&from=${from}`,
          init: { method: "GET", headers: {} },
        }));
      const request: fc.Arbitrary<FuzzRequest> = fc.oneof(
        { weight: 4, arbitrary: brokenBooking },
        { weight: 2, arbitrary: notOffered },
        { weight: 1, arbitrary: refusedWhole },
        { weight: 2, arbitrary: badHeaders },
        { weight: 3, arbitrary: manage },
        { weight: 1, arbitrary: slots },
      );

      await answersOnlyProblems(request, { env: allowing, ipPrefix: "2001:db8:f::", runs: RUNS, seed: 20261201 });
      expect(await tables()).toEqual(before);
    },
    TIMEOUT,
  );
});
