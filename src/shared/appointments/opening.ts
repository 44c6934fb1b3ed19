// When a service point is really open: its weekly template, closed on statutory holidays, opened on
// make-up working days with the template the point names (Tuesday's, per the 2026 notice), minus the
// closures staff enter (training, weather). Per ISO week, the real hours against the weekly minimum.
import { addDays, isDay } from "../time.ts";
import {
  CALENDAR,
  type Calendar,
  type DayKind,
  dayInfo,
  isoWeekday,
  isUnknownYear,
  type UnknownYear,
} from "./calendar.ts";
import { MINIMUM_WEEKLY_HOURS, type ServicePoint } from "./points.ts";
import {
  clockMinutes,
  type Interval,
  intervalMinutes,
  sortedIntervals,
  type WeekdayKey,
  weekdayKey,
} from "./template.ts";

/** A point closed by staff: the whole day, or from `from` to `to` ("HH:MM") of it. */
export interface Closure {
  pointId: string;
  day: string;
  from?: string;
  to?: string;
  reason: string;
}

export interface DayOpening {
  day: string;
  kind: DayKind;
  holiday?: string;
  /** The template day the point opens with: its own weekday's, the named one on a make-up day, none on a holiday. */
  opensAs: WeekdayKey | null;
  /** The real opening intervals, in order, minutes after midnight China time. */
  intervals: Interval[];
  /** What the template alone gives this weekday, to explain a difference. */
  templateMinutes: number;
  minutes: number;
  closures: Closure[];
}

/** `intervals` without [start, end). */
function subtract(intervals: Interval[], cut: Interval): Interval[] {
  return intervals.flatMap((i) => {
    if (cut.end <= i.start || cut.start >= i.end) return [i];
    const left = cut.start > i.start ? [{ start: i.start, end: cut.start }] : [];
    const right = cut.end < i.end ? [{ start: cut.end, end: i.end }] : [];
    return [...left, ...right];
  });
}

const closureInterval = (c: Closure): Interval => ({
  start: c.from ? clockMinutes(c.from) : 0,
  end: c.to ? clockMinutes(c.to) : 24 * 60,
});

/** The point's real opening on `day`: template → holiday closes → make-up day opens → staff closures. */
export function openingOn(
  point: ServicePoint,
  day: string,
  closures: readonly Closure[] = [],
  calendar: Calendar = CALENDAR,
): DayOpening | UnknownYear {
  const info = dayInfo(day, calendar);
  if (isUnknownYear(info)) return info;
  const own = weekdayKey(info.weekday);
  const opensAs = info.kind === "holiday" ? null : info.kind === "makeUp" ? point.makeUpDayOpensAs : own;
  const templateMinutes = intervalMinutes(sortedIntervals(point.weekly[own] ?? []));
  const applying = closures.filter((c) => c.pointId === point.id && c.day === day);
  let intervals = opensAs ? sortedIntervals(point.weekly[opensAs] ?? []) : [];
  for (const c of applying) intervals = subtract(intervals, closureInterval(c));
  const opening: DayOpening = {
    day,
    kind: info.kind,
    opensAs,
    intervals,
    templateMinutes,
    minutes: intervalMinutes(intervals),
    closures: applying,
  };
  if (info.holiday) opening.holiday = info.holiday;
  return opening;
}

// ---- ISO weeks ("2026-W41": Monday to Sunday, week 1 holds the year's first Thursday) ----

const WEEK = /^(\d{4})-W(\d{2})$/;

/** The ISO week of a day, "2026-W41". */
export function isoWeekOf(day: string): string {
  if (!isDay(day)) throw new RangeError(`not a day: ${day}`);
  const thursday = addDays(day, 4 - isoWeekday(day));
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor((Date.parse(thursday) - Date.parse(`${year}-01-01`)) / (7 * 86_400_000)) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** The seven days of an ISO week, Monday first. */
export function isoWeekDays(week: string): string[] {
  const m = WEEK.exec(week);
  if (!m) throw new RangeError(`not an ISO week: ${week}`);
  const jan4 = `${m[1]}-01-04`;
  const monday = addDays(jan4, 1 - isoWeekday(jan4) + (Number(m[2]) - 1) * 7);
  if (Number(m[2]) < 1 || isoWeekOf(monday) !== week) throw new RangeError(`no such ISO week: ${week}`);
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/** Every ISO week of a year, "2026-W01" to "2026-W53" (2026 has 53: it starts on a Thursday). */
export function isoWeeksOfYear(year: number): string[] {
  const weeks: string[] = [];
  for (let monday = isoWeekDays(`${year}-W01`)[0] as string; isoWeekOf(monday).startsWith(`${year}-`); ) {
    weeks.push(isoWeekOf(monday));
    monday = addDays(monday, 7);
  }
  return weeks;
}

export interface WeekOpening {
  week: string;
  days: DayOpening[];
  hours: number;
}

/** A point's real opening over an ISO week; `UnknownYear` when one of its days is in a year not in the data. */
export function weekOpening(
  point: ServicePoint,
  week: string,
  closures: readonly Closure[] = [],
  calendar: Calendar = CALENDAR,
): WeekOpening | UnknownYear {
  const days: DayOpening[] = [];
  for (const day of isoWeekDays(week)) {
    const opening = openingOn(point, day, closures, calendar);
    if (isUnknownYear(opening)) return opening;
    days.push(opening);
  }
  return { week, days, hours: days.reduce((sum, d) => sum + d.minutes, 0) / 60 };
}

export interface WeekCheck {
  week: string;
  hours: number;
  minimumHours: number;
  below: boolean;
  /** Why the week differs from an ordinary one: holidays that closed an opening day, make-up days that opened one, closures. */
  holidaysClosing: { day: string; holiday: string; lostMinutes: number }[];
  makeUpDaysOpening: { day: string; holiday: string; minutes: number }[];
  closures: Closure[];
}

/** The ≥ 10 hours rule for one ISO week: the real hours, whether they fall below, and why. */
export function weekBelowMinimum(
  point: ServicePoint,
  week: string,
  closures: readonly Closure[] = [],
  calendar: Calendar = CALENDAR,
  minimumHours: number = MINIMUM_WEEKLY_HOURS,
): WeekCheck | UnknownYear {
  const opening = weekOpening(point, week, closures, calendar);
  if (isUnknownYear(opening)) return opening;
  return {
    week,
    hours: opening.hours,
    minimumHours,
    below: opening.hours < minimumHours,
    holidaysClosing: opening.days.flatMap((d) =>
      d.kind === "holiday" && d.templateMinutes > 0
        ? [{ day: d.day, holiday: d.holiday ?? "", lostMinutes: d.templateMinutes }]
        : [],
    ),
    makeUpDaysOpening: opening.days.flatMap((d) =>
      d.kind === "makeUp" ? [{ day: d.day, holiday: d.holiday ?? "", minutes: d.minutes }] : [],
    ),
    closures: opening.days.flatMap((d) => d.closures),
  };
}
