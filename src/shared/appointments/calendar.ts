// Working days in China, from the holiday data: what a service point's day is, and deadlines counted
// in working days (行政许可法 art. 82: time limits count working days, statutory holidays excluded;
// a make-up day (调休) is a working day). Days are China-time days ("2026-10-06", src/shared/time.ts).
//
// A day in a year the data does not hold is not guessed: every answer about it is `UnknownYear`,
// which the types force callers to handle, so the staff console can say that next year's holidays
// are missing instead of the points opening on them.
import { addDays, isDay } from "../time.ts";
import { HOLIDAY_YEARS, type HolidayYear, isoWeekday } from "./holidays.ts";

export { isoWeekday } from "./holidays.ts";

/** The answer for a day whose year's holidays are not in content/appointments/. */
export interface UnknownYear {
  unknownYear: number;
}

export const isUnknownYear = (x: unknown): x is UnknownYear =>
  typeof x === "object" && x !== null && "unknownYear" in x;

/** The calendar the functions read; tests pass their own. */
export interface Calendar {
  years: ReadonlySet<number>;
  daysOff: ReadonlyMap<string, string>;
  makeUpDays: ReadonlyMap<string, string>;
}

export function makeCalendar(years: Iterable<HolidayYear>): Calendar {
  const list = [...years];
  return {
    years: new Set(list.map((y) => y.year)),
    daysOff: new Map(list.flatMap((y) => [...y.daysOff])),
    makeUpDays: new Map(list.flatMap((y) => [...y.makeUpDays])),
  };
}

/** The calendar of content/appointments/holidays-*.json. */
export const CALENDAR: Calendar = makeCalendar(HOLIDAY_YEARS.values());

/**
 * - `workday`: Monday to Friday, not a holiday;
 * - `weekend`: Saturday or Sunday, not a make-up day;
 * - `holiday`: a statutory day off (法定节假日 and the days joined to it);
 * - `makeUp`: a weekend day worked instead (调休上班).
 */
export type DayKind = "workday" | "weekend" | "holiday" | "makeUp";

export interface DayInfo {
  day: string;
  /** 1 Monday … 7 Sunday. */
  weekday: number;
  kind: DayKind;
  /** The holiday a day off or a make-up day belongs to (国庆节). */
  holiday?: string;
}

const yearOf = (day: string) => Number(day.slice(0, 4));

function checkDay(day: string): void {
  if (!isDay(day)) throw new RangeError(`not a day: ${day}`);
}

/** What kind of day `day` is, or `UnknownYear` when its year's holidays are not in the data. */
export function dayInfo(day: string, calendar: Calendar = CALENDAR): DayInfo | UnknownYear {
  checkDay(day);
  const year = yearOf(day);
  if (!calendar.years.has(year)) return { unknownYear: year };
  const weekday = isoWeekday(day);
  const off = calendar.daysOff.get(day);
  if (off) return { day, weekday, kind: "holiday", holiday: off };
  const makeUp = calendar.makeUpDays.get(day);
  if (makeUp) return { day, weekday, kind: "makeUp", holiday: makeUp };
  return { day, weekday, kind: weekday >= 6 ? "weekend" : "workday" };
}

const kindIs =
  (...kinds: DayKind[]) =>
  (day: string, calendar: Calendar = CALENDAR): boolean | UnknownYear => {
    const info = dayInfo(day, calendar);
    return isUnknownYear(info) ? info : kinds.includes(info.kind);
  };

/** Is `day` a statutory day off? */
export const isHoliday = kindIs("holiday");
/** Is `day` a weekend day worked instead of a holiday (调休上班)? */
export const isMakeUpDay = kindIs("makeUp");
/** Is `day` a working day in the sense of 行政许可法 art. 82 (a weekday not off, or a make-up day)? */
export const isWorkingDay = kindIs("workday", "makeUp");

/**
 * The `n`-th working day after `day` (`day` itself not counted, as time limits start the next day);
 * `day` itself for n = 0. A deadline of "5 working days" from an intake on `day` is
 * `workingDaysAfter(day, 5)`. `UnknownYear` when the count runs into a year not in the data.
 */
export function workingDaysAfter(day: string, n: number, calendar: Calendar = CALENDAR): string | UnknownYear {
  checkDay(day);
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`not a count of working days: ${n}`);
  let current = day;
  for (let counted = 0; counted < n; ) {
    current = addDays(current, 1);
    const working = isWorkingDay(current, calendar);
    if (isUnknownYear(working)) return working;
    if (working) counted++;
  }
  return current;
}

/**
 * The working days in (a, b]: how many working days `b` is after `a`, so that
 * `workingDaysBetween(a, workingDaysAfter(a, n)) === n`; negative when `b` is before `a` (a deadline
 * passed that many working days ago); 0 for the same day.
 */
export function workingDaysBetween(a: string, b: string, calendar: Calendar = CALENDAR): number | UnknownYear {
  checkDay(a);
  checkDay(b);
  const [from, to, sign] = a <= b ? [a, b, 1] : [b, a, -1];
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) {
    const working = isWorkingDay(day, calendar);
    if (isUnknownYear(working)) return working;
    if (working) count++;
  }
  return sign * count;
}

/** The years among the days [from, to] that the data does not hold: what the staff console warns about. */
export function unknownYears(from: string, to: string, calendar: Calendar = CALENDAR): number[] {
  checkDay(from);
  checkDay(to);
  const missing: number[] = [];
  for (let year = yearOf(from); year <= yearOf(to); year++) if (!calendar.years.has(year)) missing.push(year);
  return missing;
}
