import { env } from "cloudflare:workers";
import { expect } from "vitest";
import type { StaffCalendarView } from "../../../src/shared/appointments/calendar-staff-wire";
import type { SlotListResult } from "../../../src/shared/appointments/wire";
import { desk } from "./desk-factories";
import { api } from "./factories";

// Factories of the staff calendar's tests, on the desk's clock (Tuesday 1 December 2026, 10:00
// China time): linhe opens Tue 09–12, Thu 14–17, Sat 09–13 (10 hours) as the data says.

/** Mon, Wed and Fri 09:00–12:00 and Wed 14:00–15:00: exactly 10 hours. */
export const TEN_HOURS = {
  mon: [{ from: "09:00", to: "12:00" }],
  wed: [
    { from: "09:00", to: "12:00" },
    { from: "14:00", to: "15:00" },
  ],
  fri: [{ from: "09:00", to: "12:00" }],
};

export async function calendarOf(cookie: string, pointId = "linhe"): Promise<StaffCalendarView> {
  const r = await desk(cookie, `/points/${pointId}/calendar`);
  expect(r.status, await r.clone().text()).toBe(200);
  return (await r.json()) as StaffCalendarView;
}

/** The public free slots of linhe for a service. */
export async function publicSlots(service = "intake", pointId = "linhe"): Promise<SlotListResult> {
  const r = await api(`/slots?point=${pointId}&service=${service}`);
  expect(r.status).toBe(200);
  return (await r.json()) as SlotListResult;
}

export const rowOf = async (bookingNumber: string) =>
  await env.DB.prepare("SELECT id, status, closure_id, version FROM appointments WHERE booking_number = ?")
    .bind(bookingNumber)
    .first<{ id: number; status: string; closure_id: number | null; version: number }>();

export const messagesOf = async (id: number) =>
  (
    await env.DB.prepare("SELECT kind FROM appointment_messages WHERE appointment_id = ? ORDER BY id")
      .bind(id)
      .all<{ kind: string }>()
  ).results.map((m) => m.kind);

/** Puts linhe's calendar back as the data has it (no saved template, no closure in force), for files whose tests share one database. */
export async function restoreLinheCalendar() {
  await env.DB.batch([
    env.DB.prepare("DELETE FROM appointment_templates WHERE point_id = 'linhe'"),
    env.DB.prepare(
      "UPDATE appointment_closures SET cancelled_at = ?1, cancelled_by = 1 WHERE point_id = 'linhe' AND cancelled_at IS NULL",
    ).bind(new Date().toISOString()),
  ]);
}
