import { env } from "cloudflare:workers";
import { expect } from "vitest";
import type { StaffApplicationView } from "../../../src/shared/appointments/applications-wire";
import type { BookingResult } from "../../../src/shared/appointments/wire";
import { bookedToday, desk, deskVia, todaySlots } from "./desk-factories";
import { api, newPhone } from "./factories";

// Factories of the applications' tests, on the desk's clock (desk-factories.ts: Tuesday 1 December
// 2026, 10:00 China time, linhe open): a merchant booked today's intake, came, and staff receive the
// application from that booking.

export { deskSession, deskVia, TEST_NOW, TODAY } from "./desk-factories";

type E = typeof env;

/** An application's staff endpoint (path under /api/staff/appointments/applications). */
export const appVia = (e: E, cookie: string, path: string, method = "GET", body?: unknown) =>
  deskVia(e, cookie, `/applications${path}`, method, body);
export const appCall = (cookie: string, path: string, method = "GET", body?: unknown) =>
  desk(cookie, `/applications${path}`, method, body);

export interface Received {
  booking: BookingResult;
  phone: string;
  app: StaffApplicationView;
}

/** Places taken in a slot: booked, or checked in (an intake checks its merchant in). */
async function takenIn(slotId: string): Promise<number> {
  const row = await env.DB.prepare(
    "SELECT count(*) AS n FROM appointments WHERE slot_id = ? AND status IN ('booked', 'attended')",
  )
    .bind(slotId)
    .first<{ n: number }>();
  return row?.n ?? 0;
}

/** A booking of today's first intake slot at linhe with a place left (the file's tests share its storage). */
export async function bookTodaysIntake(phone: string): Promise<BookingResult> {
  for (const slot of todaySlots("intake")) {
    if ((await takenIn(slot.id)) < slot.capacity) return bookedToday(slot.id, { phone });
  }
  throw new Error("no intake place left today at linhe");
}

/** Today's intake booking at linhe and its application received by `cookie`. */
export async function received(cookie: string): Promise<Received> {
  const phone = newPhone();
  const booking = await bookTodaysIntake(phone);
  const r = await appCall(cookie, "/intake", "POST", { bookingNumber: booking.bookingNumber });
  expect(r.status, await r.clone().text()).toBe(201);
  return { booking, phone, app: (await r.json()) as StaffApplicationView };
}

/** A step that must succeed: the application after it. */
export async function step(
  cookie: string,
  number: string,
  action: string,
  body: Record<string, unknown>,
  status = 200,
): Promise<StaffApplicationView> {
  const r = await appCall(cookie, `/${number}/${action}`, "POST", body);
  expect(r.status, `${action}: ${await r.clone().text()}`).toBe(status);
  const json = (await r.json()) as StaffApplicationView | { application: StaffApplicationView };
  return "application" in json ? json.application : json;
}

/** The public lookup by number and phone. */
export const lookup = (applicationNumber: string, phone: string) =>
  api("/applications/lookup", "POST", {}, { applicationNumber, phone });
