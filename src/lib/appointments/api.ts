// The islands' client for the public appointments API (functions/routes/appointments/index.ts), on
// the browser kit's request(): the manage secret travels only in the x-manage-token header.
import type { ServiceId } from "../../shared/appointments/points";
import type { Booking } from "../../shared/appointments/schemas";
import type {
  AppointmentView,
  BookingResult,
  CancelResult,
  FreeSlot,
  PointList,
  RescheduleResult,
  SlotListResult,
} from "../../shared/appointments/wire";
import { ApiError } from "../kit/problem";
import { request, send } from "../kit/request";

const BASE = "/api/appointments";
const tokenHeader = (token: string) => ({ "x-manage-token": token });

/** Free slots of a point (or `any`, every point's, the earliest first) for a service over the horizon. */
export const listSlots = (point: string, service: ServiceId) =>
  request<SlotListResult>(`${BASE}/slots?${new URLSearchParams({ point, service })}`);

export const pointList = () => request<PointList>(`${BASE}/points`);

/** The draft's key goes with every attempt, so a retry after a lost answer never books twice. */
export const book = (input: Booking, idempotencyKey: string) =>
  request<BookingResult>(`${BASE}/bookings`, { body: input, headers: { "idempotency-key": idempotencyKey } });

export const manageView = (token: string) =>
  request<AppointmentView>(`${BASE}/manage`, { headers: tokenHeader(token) });

export const cancelBooking = (token: string) =>
  request<CancelResult>(`${BASE}/manage`, { method: "DELETE", headers: tokenHeader(token) });

export const reschedule = (token: string, slotId: string) =>
  request<RescheduleResult>(`${BASE}/manage/reschedule`, { body: { slotId }, headers: tokenHeader(token) });

/**
 * The booking's calendar file as the Worker writes it now (SEQUENCE raised by each reschedule,
 * METHOD:CANCEL once cancelled). Fetched, not linked: the secret must go in a header.
 */
export async function calendarFile(token: string): Promise<{ name: string; blob: Blob }> {
  const res = await send(`${BASE}/manage/calendar.ics`, {
    headers: { ...tokenHeader(token), accept: "text/calendar" },
  });
  const name = /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? "appointment.ics";
  return { name, blob: await res.blob() };
}

/** The free slots a 409 "slot full" answer offers instead (its problem's `nearestFree`), else none. */
export function nearestFreeOf(err: unknown): FreeSlot[] {
  if (!(err instanceof ApiError) || err.status !== 409) return [];
  const list = (err.problem as Record<string, unknown>).nearestFree;
  return Array.isArray(list) ? (list as FreeSlot[]) : [];
}
