// The staff calendar page's client for /api/staff/appointments (the staff session's cookie,
// same-origin JSON): a point's calendar, the template save and closures.
import type { ClosureInput, TemplateSave } from "../../shared/appointments/calendar-staff";
import type {
  AffectedList,
  ClosureResult,
  ClosureView,
  StaffCalendarView,
  TemplateSaved,
} from "../../shared/appointments/calendar-staff-wire";
import { request } from "../kit/request";

const BASE = "/api/staff/appointments";
const pointPath = (pointId: string) => `${BASE}/points/${encodeURIComponent(pointId)}`;

export const calendarApi = {
  calendar: (pointId: string) => request<StaffCalendarView>(`${pointPath(pointId)}/calendar`),
  saveTemplate: (pointId: string, input: TemplateSave) =>
    request<TemplateSaved>(`${pointPath(pointId)}/template`, { method: "PUT", body: input }),
  affected: (pointId: string, period: { day: string; from?: string; to?: string }) =>
    request<AffectedList>(`${pointPath(pointId)}/closures/affected?${new URLSearchParams(period)}`),
  close: (pointId: string, input: ClosureInput) =>
    request<ClosureResult>(`${pointPath(pointId)}/closures`, { body: input }),
  // A write is same-origin JSON (functions/middleware/same-origin.ts): an empty object as its body.
  reopen: (id: number) => request<ClosureView>(`${BASE}/closures/${id}`, { method: "DELETE", body: {} }),
};
