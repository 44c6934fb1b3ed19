// A service point's weekly opening template ("Tue 9:00–12:00, Thu 14:00–17:00, Sat 9:00–13:00"):
// its schema, shared by the content loader and the staff console's save, which refuses a template
// below the weekly minimum (the bureau's rule: staffed at least 10 hours a week).
import * as v from "valibot";

export const WEEKDAY_KEYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type WeekdayKey = (typeof WEEKDAY_KEYS)[number];
export const WEEKDAY_LABELS: Record<WeekdayKey, string> = {
  mon: "周一",
  tue: "周二",
  wed: "周三",
  thu: "周四",
  fri: "周五",
  sat: "周六",
  sun: "周日",
};

/** The key of an ISO weekday (1 Monday … 7 Sunday). */
export const weekdayKey = (isoWeekday: number): WeekdayKey => WEEKDAY_KEYS[isoWeekday - 1] as WeekdayKey;

/** Minutes after midnight of a clock time "09:30". */
export function clockMinutes(clock: string): number {
  return Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
}

/** "09:30" from minutes after midnight. */
export function formatClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** An opening interval [start, end) of a day, in minutes after midnight China time. */
export interface Interval {
  start: number;
  end: number;
}

// Five-minute steps between 07:00 and 21:00: a service point's hours, not a shift roster.
const Clock = v.pipe(
  v.string(),
  v.regex(/^([01]\d|2[0-3]):[0-5][05]$/, "时间应为 HH:MM，分钟为 5 的倍数"),
  v.check((c) => clockMinutes(c) >= 7 * 60 && clockMinutes(c) <= 21 * 60, "办公时间应在 07:00 至 21:00 之间"),
);
const IntervalSchema = v.pipe(
  v.object({ from: Clock, to: Clock }),
  v.check((i) => clockMinutes(i.from) < clockMinutes(i.to), "结束时间须晚于开始时间"),
);
const DaySchema = v.pipe(
  v.array(IntervalSchema),
  v.check(
    (list) => sortedIntervals(list).every((x, i, all) => i === 0 || (all[i - 1] as Interval).end <= x.start),
    "同一天的时段不能重叠",
  ),
);

/** The intervals of a day's template entries in order, as minutes. */
export function sortedIntervals(list: readonly { from: string; to: string }[]): Interval[] {
  return list.map((i) => ({ start: clockMinutes(i.from), end: clockMinutes(i.to) })).sort((a, b) => a.start - b.start);
}

export const intervalMinutes = (list: readonly Interval[]) => list.reduce((sum, i) => sum + i.end - i.start, 0);

/** Hours a template opens in an ordinary week (no holiday, no closure). */
export function templateHours(template: WeeklyTemplate): number {
  return WEEKDAY_KEYS.reduce((sum, k) => sum + intervalMinutes(sortedIntervals(template[k] ?? [])), 0) / 60;
}

const WeeklyShape = v.partial(
  v.object(Object.fromEntries(WEEKDAY_KEYS.map((k) => [k, DaySchema])) as Record<WeekdayKey, typeof DaySchema>),
);
export type WeeklyTemplate = v.InferOutput<typeof WeeklyShape>;

/**
 * A weekly template staff may save: well-formed days, and at least `minimumHours` in an ordinary
 * week. Holiday weeks may fall below (that is flagged per week, `weekBelowMinimum`); the template may not.
 */
export function WeeklyTemplateSchema(minimumHours: number) {
  return v.pipe(
    WeeklyShape,
    v.check(
      (t) => templateHours(t) >= minimumHours,
      (issue) =>
        `每周办公时间合计 ${templateHours(issue.input as WeeklyTemplate)} 小时，少于规定的 ${minimumHours} 小时，不能保存`,
    ),
  );
}
