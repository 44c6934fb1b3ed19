// The figures page's periods (China-time days). Pure functions: tests/unit/complaints/console.test.ts.
import { addMonths, chinaDay, chinaMonth, lastDays, monthEnd, monthStart } from "../../shared/time";

export interface Period {
  from: string;
  to: string;
}

/** The first of this month (China time) to today. */
export function thisMonth(now = new Date()): Period {
  return { from: monthStart(chinaMonth(now)), to: chinaDay(now) };
}

/** The whole of last month (China time). */
export function lastMonth(now = new Date()): Period {
  const month = addMonths(chinaMonth(now), -1);
  return { from: monthStart(month), to: monthEnd(month) };
}

export const PERIOD_PRESETS = [
  { id: "this-month", label: "本月", period: thisMonth },
  { id: "last-month", label: "上月", period: lastMonth },
  { id: "last-30", label: "近 30 天", period: (now = new Date()) => lastDays(30, now) },
] as const;
