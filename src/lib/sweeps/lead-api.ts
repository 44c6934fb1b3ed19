// The leader page's client for /api/sweeps/lead: the leader link's secret travels only in the
// x-leader-token header. Check-in, check-out and no-show are safe to retry (a repeated step changes
// nothing), which is what lets the page offer "重试" after a dropped connection on the street.
import type { AttendanceTarget, WalkInInput } from "../../shared/sweeps/day-schemas";
import type { AttendanceResult, LeaderRoster, WalkInResult } from "../../shared/sweeps/wire";
import { request } from "../kit/request";

const BASE = "/api/sweeps/lead";
const headers = (token: string) => ({ "x-leader-token": token });

export const leaderRoster = (token: string) => request<LeaderRoster>(BASE, { headers: headers(token) });

export type DayAction = "checkin" | "checkout" | "no-show" | "undo";

export const attend = (token: string, action: DayAction, target: AttendanceTarget) =>
  request<AttendanceResult>(`${BASE}/${action}`, { body: target, headers: headers(token) });

export const addWalkIn = (token: string, input: WalkInInput) =>
  request<WalkInResult>(`${BASE}/walk-ins`, { body: input, headers: headers(token) });
