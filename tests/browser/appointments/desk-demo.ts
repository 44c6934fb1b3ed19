// The service point's desk in the browser tests: bookings of the demo clerk's point (linhe) made
// through the public API, then moved to this very hour with `executeLocal` (the Worker's clock
// cannot be moved, and the points open only on some days), so the desk has someone to check in
// and someone late enough to mark as not come, whatever the time the tests run.
import { randomInt } from "node:crypto";
import { inject } from "vitest";
import { executeLocal } from "../../../scripts/lib/wrangler.ts";
import type { BookingResult } from "../../../src/shared/appointments/wire";
import { chinaDay, dayStart } from "../../../src/shared/time";
import { freshClientAddress } from "../kit";
import { freeSlots, freshPhone } from "./public-demo";

/** The demo service-point clerk (scripts/seed/staff.ts): unit linhe-service-point, point linhe. */
export const DESK_CLERK = "servicepoint@demo.qingxi.example";

const MINUTE = 60_000;

/** "2026-12-02T07:15", China time. */
const chinaClock = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16);

/** A linhe consultation booked through the API by `name`, at the earliest slot it offers. */
async function bookLinhe(name: string, baseUrl: string): Promise<BookingResult> {
  const [slot] = await freeSlots("consultation", "linhe", baseUrl);
  const res = await fetch(`${baseUrl}/api/appointments/bookings`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "idempotency-key": crypto.randomUUID(),
      "cf-connecting-ip": freshClientAddress(),
    },
    body: JSON.stringify({
      slotId: slot?.id,
      name,
      phone: freshPhone(),
      shopName: `${name}的店`,
      shopAddress: "临河街道滨河路 30 号",
    }),
  });
  if (res.status !== 201) throw new Error(`POST bookings: ${res.status} ${await res.text()}`);
  return (await res.json()) as BookingResult;
}

/** Moves a booking to start at `start` (slot id, start and end together, as the slot-id trigger requires). */
async function moveTo(bookingNumber: string, start: Date): Promise<void> {
  const slotId = `linhe:consultation:${chinaClock(start)}+08:00`;
  const end = new Date(start.getTime() + 20 * MINUTE);
  await executeLocal(
    inject("d1State"),
    [
      `UPDATE appointments SET slot_id = '${slotId}', slot_start = '${start.toISOString()}',
      slot_end = '${end.toISOString()}' WHERE booking_number = '${bookingNumber}'`,
    ],
    { quiet: true },
  ); // quiet: the refusal's words come back in the error
}

/**
 * Moves a booking to the first minute from `from` whose one-desk slot is free: another test in the
 * same run (the journey, the accessibility list's desk state) may have moved a booking of its own to
 * the same minute, and the capacity trigger refuses a second one (slot_full).
 */
async function moveToFreeMinute(bookingNumber: string, from: number): Promise<Date> {
  for (let k = 0; k < 20; k++) {
    const start = new Date(from + k * MINUTE);
    try {
      await moveTo(bookingNumber, start);
      return start;
    } catch (err) {
      if (!String(err).includes("slot_full")) throw err;
    }
  }
  throw new Error(`no free minute for ${bookingNumber} in the 20 from ${new Date(from).toISOString()}`);
}

export interface DeskDemo {
  /** Arrives now: to be checked in. */
  arriving: { name: string; bookingNumber: string };
  /** Its slot began up to half an hour ago: may be marked as not come. */
  late: { name: string; bookingNumber: string };
}

/** Two of today's linhe bookings: one whose slot began a while ago, one starting a minute after it. */
export async function deskDemo(baseUrl = inject("baseUrl")): Promise<DeskDemo> {
  const tag = String(randomInt(10_000)).padStart(4, "0");
  const late = { name: `迟到${tag}` };
  const arriving = { name: `到场${tag}` };
  const lateBooking = await bookLinhe(late.name, baseUrl);
  const arrivingBooking = await bookLinhe(arriving.name, baseUrl);
  // Within today (China time), never before its midnight: the day view lists today only.
  const now = Date.now();
  const from = Math.max(now - 30 * MINUTE, dayStart(chinaDay(new Date(now))).getTime());
  const lateStart = await moveToFreeMinute(lateBooking.bookingNumber, Math.floor(from / MINUTE) * MINUTE);
  await moveToFreeMinute(arrivingBooking.bookingNumber, lateStart.getTime() + MINUTE);
  return {
    late: { ...late, bookingNumber: lateBooking.bookingNumber },
    arriving: { ...arriving, bookingNumber: arrivingBooking.bookingNumber },
  };
}
