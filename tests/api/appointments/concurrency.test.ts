import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { BookingResult, FreeSlot } from "../../../src/shared/appointments/wire";
import { booked, bookedIn, bookRequest, manage, newKey, slotsAhead, validBooking } from "./factories";

// Only the database can keep a slot's count when many merchants press "book" at once
// (migrations/0017's capacity triggers): here many requests race for the same places.

const inspections = slotsAhead("inspection");

describe("many merchants at once", () => {
  it("100 concurrent bookings for the last 3 places: exactly 3 succeed, the rest 409 with the nearest free slots", async () => {
    const slot = inspections[0] as (typeof inspections)[number];
    expect(slot.capacity).toBe(4);
    await booked(slot.id); // one place taken: three left
    const answers = await Promise.all(
      Array.from({ length: 100 }, () =>
        bookRequest(validBooking(slot.id)).then(async (r) => ({ status: r.status, body: await r.json() })),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(3);
    expect(statuses.filter((s) => s === 409)).toHaveLength(97);
    expect(await bookedIn(slot.id)).toBe(slot.capacity);
    for (const a of answers.filter((x) => x.status === 409)) {
      const body = a.body as { detail: string; nearestFree: FreeSlot[] };
      expect(body.detail).toContain("已约满");
      expect(body.nearestFree.length).toBeGreaterThan(0);
      expect(body.nearestFree.map((s) => s.id)).not.toContain(slot.id);
      for (const s of body.nearestFree) expect(s.placesLeft).toBeGreaterThan(0);
    }
  });

  it("50 concurrent reschedules between two full-but-one slots never overfill either or lose a booking", async () => {
    const [a, b] = [inspections[1], inspections[2]] as [(typeof inspections)[number], (typeof inspections)[number]];
    const inA = await Promise.all([1, 2, 3].map(() => booked(a.id)));
    const inB = await Promise.all([1, 2, 3].map(() => booked(b.id)));
    const moves = Array.from({ length: 50 }, (_, i) => {
      const fromA = i % 2 === 0;
      const list = fromA ? inA : inB;
      const who = list[Math.floor(i / 2) % 3] as BookingResult;
      return { who, to: fromA ? b.id : a.id };
    });
    const answers = await Promise.all(
      moves.map((m) => manage(m.who.manageToken, "POST", "/reschedule", { slotId: m.to })),
    );
    for (const r of answers) expect([200, 409]).toContain(r.status);
    expect(answers.filter((r) => r.status === 200).length).toBeGreaterThan(0);

    const countA = await bookedIn(a.id);
    const countB = await bookedIn(b.id);
    expect(countA).toBeLessThanOrEqual(a.capacity);
    expect(countB).toBeLessThanOrEqual(b.capacity);
    expect(countA + countB).toBe(6);
    // Every booking is still booked, in exactly one of the two slots, and its version counts its moves.
    for (const who of [...inA, ...inB]) {
      const view = (await (await manage(who.manageToken)).json()) as {
        status: string;
        slotId: string;
        version: number;
      };
      expect(view.status).toBe("booked");
      expect([a.id, b.id]).toContain(view.slotId);
    }
    const { results } = await env.DB.prepare(
      "SELECT a.version, (SELECT count(*) FROM appointment_messages m WHERE m.appointment_id = a.id AND m.kind = 'rescheduled') AS moves FROM appointments a WHERE a.slot_id IN (?, ?)",
    )
      .bind(a.id, b.id)
      .all<{ version: number; moves: number }>();
    expect(results).toHaveLength(6);
    for (const r of results) expect(r.version).toBe(r.moves);
    expect(results.reduce((s, r) => s + r.moves, 0)).toBe(answers.filter((r) => r.status === 200).length);
  });

  it("the same Idempotency-Key 50 times at once makes one booking, and a later retry replays it", async () => {
    const slot = inspections[3] ?? (inspections[0] as (typeof inspections)[number]);
    const body = validBooking(slot.id);
    const key = newKey();
    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        bookRequest(body, key).then(async (r) => ({ status: r.status, body: await r.json() })),
      ),
    );
    for (const a of answers) expect([201, 409]).toContain(a.status);
    const ok = answers.filter((a) => a.status === 201).map((a) => a.body as BookingResult);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    expect(new Set(ok.map((o) => o.bookingNumber)).size).toBe(1);
    const { results } = await env.DB.prepare("SELECT booking_number FROM appointments WHERE phone = ?")
      .bind(body.phone)
      .all<{ booking_number: string }>();
    expect(results.map((r) => r.booking_number)).toEqual([ok[0]?.bookingNumber]);

    const again = await bookRequest(body, key);
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(((await again.json()) as BookingResult).bookingNumber).toBe(ok[0]?.bookingNumber);
    expect((await bookRequest({ ...body, shopName: "别的店" }, key)).status).toBe(422);
  });
});
