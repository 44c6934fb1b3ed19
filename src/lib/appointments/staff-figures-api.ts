// The staff figures page's client for GET /api/staff/appointments/figures (the staff session's
// cookie): the figures of a period, of every point the account reaches or of one of them.
import type { AppointmentFigures } from "../../shared/appointments/figures";
import { lastDays } from "../../shared/time";
import { lastMonth, type Period, thisMonth } from "../complaints/console-figures";
import { request } from "../kit/request";

export interface StaffFiguresQuery extends Period {
  /** One point's id; every point the account reaches when empty. */
  point: string;
}

export const staffFiguresApi = {
  figures: ({ from, to, point }: StaffFiguresQuery) =>
    request<AppointmentFigures>(
      `/api/staff/appointments/figures?${new URLSearchParams(point ? { from, to, point } : { from, to })}`,
    ),
};

/**
 * The page's ready-made periods (China-time days, inclusive), the complaints console's months
 * reused: this month so far, the whole of last month (the public page's default, so the two can
 * be compared), and the last 90 days up to today.
 */
export const FIGURES_PRESETS = [
  { id: "this-month", label: "本月", period: thisMonth },
  { id: "last-month", label: "上个月", period: lastMonth },
  { id: "last-90", label: "近 90 天", period: (now = new Date()) => lastDays(90, now) },
] as const;
