// The applications pages' client for /api/staff/appointments/applications (the staff session's
// cookie, same-origin JSON). Every step sends the version the page shows: a stale one answers 409.

import { request } from "../../../../lib/kit/request";
import type {
  ApplicationQueue,
  InspectionBooked,
  StaffApplicationView,
} from "../../../../shared/appointments/applications-wire";
import type { DeskPointList, SlotListResult } from "../../../../shared/appointments/wire";

const BASE = "/api/staff/appointments/applications";
const one = (n: string) => `${BASE}/${encodeURIComponent(n)}`;

export const applicationsApi = {
  points: () => request<DeskPointList>("/api/staff/appointments/points"),
  queue: (pointId: string) => request<ApplicationQueue>(`${BASE}?point=${encodeURIComponent(pointId)}`),
  overdue: () => request<ApplicationQueue>(`${BASE}/overdue`),
  get: (n: string) => request<StaffApplicationView>(one(n)),
  intake: (bookingNumber: string, note?: string) =>
    request<StaffApplicationView>(`${BASE}/intake`, { body: { bookingNumber, note } }),
  step: (n: string, path: string, body: Record<string, unknown>) =>
    request<StaffApplicationView>(`${one(n)}/${path}`, { body }),
  bookInspection: (n: string, body: { version: number; slotId: string; note?: string }) =>
    request<InspectionBooked>(`${one(n)}/book-inspection`, { body }),
  /** The point's free inspection windows (the public list: what a merchant could book too). */
  inspectionSlots: (pointId: string) =>
    request<SlotListResult>(
      `/api/appointments/slots?${new URLSearchParams({ point: pointId, service: "inspection" })}`,
    ),
};
