import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { closuresIn } from "../../../functions/db/appointments/calendar";
import { db, expectIndexed, plan } from "../query-plan";
import { TEN_HOURS } from "./calendar-factories";
import { deskAllOrNothing, deskSession, deskVia } from "./desk-factories";
import { booked, bookRequest, slotsAhead, validBooking } from "./factories";

// Each staff calendar write is one D1 batch with its audit row: a failure injected at each statement
// in turn (tests/api/instrumented-db.ts) answers 500 and leaves the appointments' tables (templates
// and closures among them) and the audit log as they were; run whole, one write batch, no other write.

describe("every staff calendar write is one D1 batch, all or nothing", () => {
  it("closes a point in one batch: the closure, the bookings cancelled, their messages and the audit row", async () => {
    const day = "2026-12-12";
    const slots = slotsAhead("intake").filter((s) => s.day === day);
    const bookings = [await booked(slots[0]?.id ?? ""), await booked(slots[1]?.id ?? "")];
    const clerk = await deskSession();
    const length = await deskAllOrNothing(
      "close",
      async (e) => deskVia(e, clerk, "/points/linhe/closures", "POST", { day, reason: "training" }),
      201,
    );
    expect(length).toBe(4);
    const { results } = await env.DB.prepare(
      "SELECT status FROM appointments WHERE booking_number IN (?, ?) AND closure_id IS NOT NULL",
    )
      .bind(bookings[0]?.bookingNumber, bookings[1]?.bookingNumber)
      .all();
    expect(results).toEqual([{ status: "cancelled" }, { status: "cancelled" }]);
  });

  it("saves a template in one batch: the row and the audit row, or nothing", async () => {
    const admin = await deskSession("admin");
    const length = await deskAllOrNothing("template", async (e) =>
      deskVia(e, admin, "/points/beihu/template", "PUT", { version: 0, weekly: TEN_HOURS }),
    );
    expect(length).toBe(2);
  });

  it("reopens a closure in one batch: the closure and the audit row, or nothing", async () => {
    const clerk = await deskSession("service_point_staff", "guiyuan");
    const r = await deskVia(env, clerk, "/points/guiyuan/closures", "POST", { day: "2026-12-03", reason: "weather" });
    const { closure } = (await r.json()) as { closure: { id: number } };
    const length = await deskAllOrNothing("reopen", async (e) =>
      deskVia(e, clerk, `/closures/${closure.id}`, "DELETE"),
    );
    expect(length).toBe(2);
  });

  it("leaves no place held in a period closed while bookings for it arrive together", async () => {
    const day = "2026-12-12";
    const slots = slotsAhead("intake", "guiyuan").filter((s) => s.day === day);
    const clerk = await deskSession("service_point_staff", "guiyuan");
    const answers = await Promise.all([
      ...Array.from({ length: 16 }, (_, i) => bookRequest(validBooking(slots[i % slots.length]?.id ?? ""))),
      deskVia(env, clerk, "/points/guiyuan/closures", "POST", { day, reason: "weather" }),
    ]);
    const closed = answers.at(-1) as Response;
    expect(closed.status).toBe(201);
    const { cancelled } = (await closed.json()) as { cancelled: string[] };
    for (const r of answers.slice(0, -1)) expect([201, 409, 422]).toContain(r.status);
    const held = await env.DB.prepare(
      "SELECT count(*) AS n FROM appointments WHERE point_id = 'guiyuan' AND slot_id LIKE ? AND status IN ('booked', 'attended')",
    )
      .bind(`guiyuan:intake:${day}%`)
      .first<{ n: number }>();
    expect(held?.n).toBe(0);
    // Every booking that landed before the closure was cancelled by it, and told.
    const landed = answers.slice(0, -1).filter((r) => r.status === 201).length;
    expect(cancelled.length).toBe(landed);
  });

  it("reads the closures in force of the listed points through their partial index", async () => {
    const steps = await plan(
      closuresIn(db, ["linhe", "guiyuan"], "2026-12-01T00:00:00.000Z", "2026-12-16T00:00:00.000Z"),
    );
    expectIndexed(steps);
    expect(steps.join(" | ")).toContain("appointment_closures_active_idx");
  });
});
