// The figures page's periods (China-time days). Pure functions: tests/unit/complaints/console.test.ts.
import { chinaDay, lastDays } from "./format";

export interface Period {
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The first of this month (China time) to today. */
export function thisMonth(now = new Date()): Period {
  const today = chinaDay(now);
  return { from: `${today.slice(0, 8)}01`, to: today };
}

/** The whole of last month (China time). */
export function lastMonth(now = new Date()): Period {
  const [year, month] = chinaDay(now).split("-").map(Number) as [number, number];
  const y = month === 1 ? year - 1 : year;
  const m = month === 1 ? 12 : month - 1;
  // Day 0 of the following month is the last day of this one.
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${y}-${pad(m)}-01`, to: `${y}-${pad(m)}-${pad(lastDay)}` };
}

export const PERIOD_PRESETS = [
  { id: "this-month", label: "本月", period: thisMonth },
  { id: "last-month", label: "上月", period: lastMonth },
  { id: "last-30", label: "近 30 天", period: (now = new Date()) => lastDays(30, now) },
] as const;
