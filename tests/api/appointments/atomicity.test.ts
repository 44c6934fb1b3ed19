import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { allOrNothing } from "./all-or-nothing";
import { booked, bookVia, newKey, slotsAhead, validBooking, via } from "./factories";

// Every merchant's mutation is one D1 batch: a failure injected at each of its statements in turn
// (tests/api/instrumented-db.ts) answers 500 and leaves every appointments table as it was; run
// whole, it is exactly one write batch and no other write.

const intake = slotsAhead("intake");

describe("every appointments mutation is one D1 batch, all or nothing", () => {
  it("books in one batch: the row, its message and the idempotency record, or nothing", async () => {
    const body = validBooking((intake[0] as { id: string }).id);
    const key = newKey();
    const length = await allOrNothing("book", (e) => bookVia(e, body, key), 201);
    expect(length).toBe(3);
  });

  it("reschedules in one batch: the moved row and its message, or the booking stays where it was", async () => {
    const b = await booked((intake[1] as { id: string }).id);
    const to = (intake[2] as { id: string }).id;
    const length = await allOrNothing("reschedule", (e) =>
      via(e, "/manage/reschedule", "POST", { "x-manage-token": b.manageToken }, { slotId: to }),
    );
    expect(length).toBe(2);
    const row = await env.DB.prepare("SELECT slot_id, version FROM appointments WHERE booking_number = ?")
      .bind(b.bookingNumber)
      .first<{ slot_id: string; version: number }>();
    expect(row).toEqual({ slot_id: to, version: 1 });
  });

  it("cancels in one batch: the status and its message, or nothing", async () => {
    const b = await booked((intake[3] as { id: string }).id);
    const length = await allOrNothing("cancel", (e) =>
      via(e, "/manage", "DELETE", { "x-manage-token": b.manageToken }),
    );
    expect(length).toBe(2);
    const row = await env.DB.prepare("SELECT status FROM appointments WHERE booking_number = ?")
      .bind(b.bookingNumber)
      .first<{ status: string }>();
    expect(row?.status).toBe("cancelled");
  });
});
