// The desk page's client for /api/staff/appointments (the staff session's cookie, same-origin
// JSON). Check-in, no-show and undo are safe to send again: a repeated step changes nothing.
import type { DeskNoteInput, WalkInInput } from "../../shared/appointments/desk-schemas";
import type { DeskDay, DeskPointList, DeskStepResult } from "../../shared/appointments/wire";
import { request } from "../kit/request";

const BASE = "/api/staff/appointments";
const pointPath = (pointId: string) => `${BASE}/points/${encodeURIComponent(pointId)}`;

export type DeskAction = "check-in" | "no-show" | "undo";

export const deskApi = {
  points: () => request<DeskPointList>(`${BASE}/points`),
  day: (pointId: string, date: string) =>
    request<DeskDay>(`${pointPath(pointId)}/day?date=${encodeURIComponent(date)}`),
  step: (pointId: string, id: number, action: DeskAction, from?: "attended" | "no_show") =>
    request<DeskStepResult>(`${pointPath(pointId)}/bookings/${id}/${action}`, {
      body: action === "undo" ? { from } : {},
    }),
  note: (pointId: string, id: number, input: DeskNoteInput) =>
    request<DeskStepResult>(`${pointPath(pointId)}/bookings/${id}/note`, { method: "PUT", body: input }),
  walkIn: (pointId: string, input: WalkInInput) =>
    request<DeskStepResult>(`${pointPath(pointId)}/walk-ins`, { body: input }),
};
