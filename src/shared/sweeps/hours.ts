// Service time as recorded hours, one pure function the Worker (check-out, corrections) and the
// pages (what the rule means) share. The rule itself is data: HOURS_ROUNDING in rules.ts.
import { HOURS_ROUNDING } from "./rules.ts";

export interface HoursRounding {
  unitMinutes: number;
  mode: "down" | "nearest" | "up";
}

const MINUTE = 60_000;

/**
 * Minutes of service between check-in and check-out, clipped to the sweep's scheduled time (travel
 * and waiting before the start, or staying on after the end, are not service), then rounded to whole
 * units of the rule. A check-out before the check-in, or a stay wholly outside the sweep, is 0.
 */
export function serviceMinutes(
  checkedInAt: string,
  checkedOutAt: string,
  startsAt: string,
  endsAt: string,
  rounding: HoursRounding = HOURS_ROUNDING,
): number {
  const from = Math.max(Date.parse(checkedInAt), Date.parse(startsAt));
  const to = Math.min(Date.parse(checkedOutAt), Date.parse(endsAt));
  if (!(to > from)) return 0;
  const units = (to - from) / (rounding.unitMinutes * MINUTE);
  const whole =
    rounding.mode === "up" ? Math.ceil(units) : rounding.mode === "nearest" ? Math.round(units) : Math.floor(units);
  return whole * rounding.unitMinutes;
}

/** The most minutes a sweep can give: its scheduled length, rounded the same way. */
export function maxMinutes(startsAt: string, endsAt: string, rounding: HoursRounding = HOURS_ROUNDING): number {
  return serviceMinutes(startsAt, endsAt, startsAt, endsAt, rounding);
}

/** 150 → "2 小时 30 分钟"; 60 → "1 小时"; 0 → "0 小时". */
export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (m === 0) return `${h} 小时`;
  return h === 0 ? `${m} 分钟` : `${h} 小时 ${m} 分钟`;
}

/** The rule in words, as the manage page and the certificate state it. */
export function roundingRule(rounding: HoursRounding = HOURS_ROUNDING): string {
  const how = rounding.mode === "down" ? "向下取整" : rounding.mode === "up" ? "向上取整" : "四舍五入";
  return `时长按签到至签退计算，只计活动安排的时间段（路途和等候不计），以 ${rounding.unitMinutes} 分钟为单位${how}。`;
}

/** Check-in opens this long before a sweep starts (people arrive early); it closes at the end. */
export const CHECKIN_OPENS_MINUTES = 60;
