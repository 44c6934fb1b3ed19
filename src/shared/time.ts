// China time, once, for the Worker and the site: case numbers, daily counts, date filters, exports
// and every date people read follow the clock in Asia/Shanghai.
//
// China has kept UTC+8 all year since 1991 (no daylight saving), so a fixed offset gives the same
// answer as the IANA zone for every date this portal stores, without depending on the runtime's
// time-zone data. Pure functions, no DOM and no Node APIs: tests/unit/time.test.ts.
//
// Words used below: a *day* is a China-time calendar day written "2026-11-27"; a *month* is
// "2026-11"; an *instant* is a Date or an ISO string such as the database keeps ("…Z", UTC).
//
// One convention for periods: a day, or a run of days [from, to], covers the instants
// [start of `from`, start of the day after `to`) — half-open, so 23:59:59.999 needs no special
// case and adjacent periods never overlap or leave a gap. Queries compare `>= start AND < end`.

/** The IANA zone this module stands for. */
export const CHINA_TIME_ZONE = "Asia/Shanghai";

const OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;

type Instant = Date | string;

const pad = (n: number, width = 2) => String(n).padStart(width, "0");
const ms = (at: Instant) => (typeof at === "string" ? Date.parse(at) : at.getTime());

/** The instant shifted by eight hours, so its UTC fields read as the wall clock in China. */
const wall = (at: Instant) => new Date(ms(at) + OFFSET_MS);

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Is this "YYYY-MM-DD" a day that exists ("2026-02-31" does not)? */
export function isDay(s: string): boolean {
  const m = DAY.exec(s);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Is this "YYYY-MM" a month (01–12)? */
export function isMonth(s: string): boolean {
  const m = MONTH.exec(s);
  return !!m && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

/** Midnight UTC of the calendar date `day`: the arithmetic base for days (setUTCFullYear, unlike Date.UTC, keeps years < 100). */
function utcMidnight(day: string): number {
  const m = DAY.exec(day);
  if (!m || !isDay(day)) throw new RangeError(`not a day: ${day}`);
  const d = new Date(0);
  d.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return d.getTime();
}

const dayOfUtcMidnight = (t: number) => new Date(t).toISOString().slice(0, 10);

// ---- Days, months and instants ----

/** The China-time day of an instant: 2026-11-26T16:10Z is "2026-11-27" (00:10 in China). */
export function chinaDay(at: Instant = new Date()): string {
  return wall(at).toISOString().slice(0, 10);
}

/** The China-time month of an instant, "2026-11". */
export const chinaMonth = (at: Instant = new Date()) => chinaDay(at).slice(0, 7);

/** The instant a China-time day begins (00:00 in China, 16:00 UTC the day before). */
export function dayStart(day: string): Date {
  return new Date(utcMidnight(day) - OFFSET_MS);
}

/** The instant a China-time day ends, exclusive: the start of the next day. */
export function dayEnd(day: string): Date {
  return dayStart(addDays(day, 1));
}

/** The days [from, to] as ISO instants [start, end) to compare stored UTC times with. */
export function periodInstants(from: string, to: string): { start: string; end: string } {
  return { start: dayStart(from).toISOString(), end: dayEnd(to).toISOString() };
}

/** The day `n` days after `day` (before, if negative). */
export function addDays(day: string, n: number): string {
  return dayOfUtcMidnight(utcMidnight(day) + n * DAY_MS);
}

/** How many days `to` is after `from` (0 for the same day, negative if it is before). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / DAY_MS);
}

export function addMinutes(at: Date, minutes: number): Date {
  return new Date(at.getTime() + minutes * 60_000);
}

/** The last `days` days in China time, today included. */
export function lastDays(days: number, now: Instant = new Date()): { from: string; to: string } {
  const to = chinaDay(now);
  return { from: addDays(to, -(days - 1)), to };
}

/** The month `n` months after `month` (before, if negative). */
export function addMonths(month: string, n: number): string {
  if (!isMonth(month)) throw new RangeError(`not a month: ${month}`);
  // Months counted from year 0, so stepping across January needs no special case.
  const count = Number(month.slice(0, 4)) * 12 + Number(month.slice(5)) - 1 + n;
  return `${pad(Math.floor(count / 12), 4)}-${pad((count % 12) + 1)}`;
}

/** The first day of a month. */
export function monthStart(month: string): string {
  if (!isMonth(month)) throw new RangeError(`not a month: ${month}`);
  return `${month}-01`;
}

/** The last day of a month (the 29th of a leap February). */
export function monthEnd(month: string): string {
  if (!isMonth(month)) throw new RangeError(`not a month: ${month}`);
  return `${month}-${pad(daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5))))}`;
}

/** "261127": the date part of a case number, the China-time day it was filed. */
export function caseNumberDay(at: Instant): string {
  return chinaDay(at).slice(2).replaceAll("-", "");
}

/** "2026-11-27T14:05:00+08:00": an instant as China time with its offset, for exports people open in a spreadsheet. */
export function chinaIso(at: Instant): string {
  return `${wall(at).toISOString().slice(0, 19)}+08:00`;
}

/** The same, for a column that may be empty. */
export const chinaIsoOrEmpty = (at: Instant | null | undefined) => (at ? chinaIso(at) : "");

// ---- How people read them (Chinese) ----

/** "2026-11-27" (or an ISO string starting with a date) → "2026年11月27日", the way Chinese government pages write dates. */
export function formatDateZh(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  if (!m) throw new Error(`not an ISO date: ${day}`);
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** "2026-10" → "2026年10月". */
export function formatMonthZh(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}

/** An instant as "2026年11月27日 14:05", China time: what the public pages show. */
export function formatDateTimeZh(at: Instant): string {
  const w = wall(at);
  return `${formatDateZh(w.toISOString())} ${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}`;
}

/** An instant as "2026-11-27 14:05:09", China time: the staff console's audit log; the input as it is if it is not a time. */
export function formatChinaTime(at: Instant): string {
  if (Number.isNaN(ms(at))) return String(at);
  return wall(at).toISOString().slice(0, 19).replace("T", " ");
}

/** The short form, "2026-11-27 14:05": the seconds are noise in a case list. */
export function formatChinaMinute(at: Instant): string {
  return formatChinaTime(at).slice(0, 16);
}
