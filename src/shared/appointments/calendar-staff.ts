// The staff calendar of a service point: the weekly template staff save over the data's (content/
// appointments/points.json stays the default), the closures they enter (training, weather), and per
// ISO week the real hours against the ≥ 10 hours rule, with why a week falls below and the nearest
// hours outside it. Pure: the Worker reads the stored template and closures and passes them in.
import * as v from "valibot";
import { PlainLine } from "../text.ts";
import { addDays, addMinutes, chinaDay, dayStart, isDay } from "../time.ts";
import { CALENDAR, type Calendar, isUnknownYear, unknownYears } from "./calendar.ts";
import { type Closure, type DayOpening, isoWeekDays, isoWeekOf, openingOn, weekBelowMinimum } from "./opening.ts";
import { BOOKING_RULES, MINIMUM_WEEKLY_HOURS, type ServicePoint, type ServicesFile } from "./points.ts";
import { clockMinutes, formatClock, templateHours, type WeeklyTemplate, WeeklyTemplateSchema } from "./template.ts";

/** How many ISO weeks past the current one the staff calendar shows, beyond the booking horizon. */
export const CALENDAR_WEEKS_AHEAD = 8;

/** The point as it opens now: the template staff saved, else the data's. */
export const withTemplate = (point: ServicePoint, weekly?: WeeklyTemplate | null): ServicePoint =>
  weekly ? { ...point, weekly } : point;

// ---- Saving a template ----

/**
 * PUT …/template: the version the editor started from (0: the data's, never saved) and the week.
 * Below the weekly minimum it is refused at `#/weekly`, naming the hours (template.ts).
 */
export function TemplateSaveSchema(minimumHours: number = MINIMUM_WEEKLY_HOURS) {
  return v.object({
    version: v.pipe(v.number("请提供版本号"), v.integer(), v.minValue(0), v.maxValue(1_000_000)),
    weekly: WeeklyTemplateSchema(minimumHours),
  });
}
export type TemplateSave = v.InferOutput<ReturnType<typeof TemplateSaveSchema>>;

/** The weekly total in minutes (what the database's CHECK compares with 600). */
export const templateMinutes = (weekly: WeeklyTemplate) => Math.round(templateHours(weekly) * 60);

// ---- Closures ----

export const CLOSURE_REASONS = ["training", "weather", "other"] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];
export const CLOSURE_REASON_LABELS: Record<ClosureReason, string> = {
  training: "业务培训",
  weather: "恶劣天气",
  other: "其他原因",
};

const ClosureClock = v.pipe(v.string(), v.regex(/^([01]\d|2[0-3]):[0-5][05]$/, "时间应为 HH:MM，分钟为 5 的倍数"));

/** POST …/closures: a China-time day, the whole of it or from–to, and why (其他 needs words). */
export const ClosureInputSchema = v.pipe(
  v.object({
    day: v.pipe(v.string("请选择日期"), v.check(isDay, "日期应为 YYYY-MM-DD")),
    from: v.optional(ClosureClock),
    to: v.optional(ClosureClock),
    reason: v.picklist(CLOSURE_REASONS, "请选择闭门原因"),
    text: v.optional(v.pipe(v.string(), PlainLine, v.trim(), v.maxLength(100, "说明不超过 100 字"))),
  }),
  v.forward(
    v.check((c) => (c.from === undefined) === (c.to === undefined), "开始和结束时间须同时填写，或都不填（全天闭门）"),
    ["to"],
  ),
  v.forward(
    v.check((c) => !c.from || !c.to || clockMinutes(c.from) < clockMinutes(c.to), "结束时间须晚于开始时间"),
    ["to"],
  ),
  v.forward(
    v.check((c) => c.reason !== "other" || (c.text ?? "").length > 0, "选择“其他原因”时请写明原因"),
    ["text"],
  ),
);
export type ClosureInput = v.InferOutput<typeof ClosureInputSchema>;

/** GET …/closures/affected?day&from&to: the same period, before confirming. */
export const ClosurePeriodSchema = v.object({
  day: v.pipe(v.string("请选择日期"), v.check(isDay, "日期应为 YYYY-MM-DD")),
  from: v.optional(ClosureClock),
  to: v.optional(ClosureClock),
});

/** The instants [startsAt, endsAt) a closure covers (the whole China-time day without from/to). */
export function closureInstants(c: { day: string; from?: string | null; to?: string | null }) {
  const start = c.from ? clockMinutes(c.from) : 0;
  const end = c.to ? clockMinutes(c.to) : 24 * 60;
  return {
    startsAt: addMinutes(dayStart(c.day), start).toISOString(),
    endsAt: addMinutes(dayStart(c.day), end).toISOString(),
  };
}

/** What the public page and the calendar say about a closure: "临时闭门（恶劣天气）". */
export function closureNote(reason: ClosureReason, text: string | null | undefined): string {
  return `临时闭门（${reason === "other" && text ? text : CLOSURE_REASON_LABELS[reason]}）`;
}

/** A stored closure row as the opening functions take it. */
export const asClosure = (r: {
  pointId: string;
  day: string;
  fromClock: string | null;
  toClock: string | null;
  reason: ClosureReason;
  reasonText: string | null;
}): Closure => ({
  pointId: r.pointId,
  day: r.day,
  ...(r.fromClock ? { from: r.fromClock } : {}),
  ...(r.toClock ? { to: r.toClock } : {}),
  reason: closureNote(r.reason, r.reasonText),
});

// ---- The staff calendar ----

export interface CalendarDay {
  day: string;
  kind: DayOpening["kind"];
  /** "09:00–12:00" per interval; empty when closed. */
  hours: string[];
  minutes: number;
  note: string | null;
}

export interface CalendarWeek {
  week: string;
  days: CalendarDay[];
  hours: number;
  below: boolean;
  /** Why: holidays that closed an opening day, make-up days that opened one, closures. */
  reasons: string[];
  /** For a week below the minimum: the nearest opening days before and after it. */
  nearestExtra: CalendarDay[];
}

export interface StaffCalendar {
  minimumWeeklyHours: number;
  /** The last day of the booking horizon. */
  horizonEnd: string;
  weeks: (CalendarWeek | { week: string; unknownYear: number })[];
  /** Years the horizon or the weeks reach whose holidays are not in the data. */
  unknownYears: number[];
  /** "2027 年节假日安排尚未录入……" per such year: what the console must say. */
  warnings: string[];
}

const hoursText = (d: DayOpening) => d.intervals.map((i) => `${formatClock(i.start)}–${formatClock(i.end)}`);

function dayNote(d: DayOpening): string | null {
  if (d.kind === "holiday") return `${d.holiday ?? "法定节假日"}放假`;
  const closed = d.closures.map((c) => c.reason).join("；");
  if (d.kind === "makeUp") return `调休上班${d.holiday ? `（${d.holiday}）` : ""}${closed ? `；${closed}` : ""}`;
  return closed || null;
}

export const calendarDay = (d: DayOpening): CalendarDay => ({
  day: d.day,
  kind: d.kind,
  hours: hoursText(d),
  minutes: d.minutes,
  note: dayNote(d),
});

/** The nearest opening day in `step` direction from `day` (not `day` itself), within five weeks. */
function nearestOpen(
  point: ServicePoint,
  day: string,
  step: 1 | -1,
  closures: readonly Closure[],
  calendar: Calendar,
): CalendarDay | undefined {
  for (let i = 1; i <= 35; i++) {
    const opening = openingOn(point, addDays(day, i * step), closures, calendar);
    if (isUnknownYear(opening)) return undefined;
    if (opening.minutes > 0) return calendarDay(opening);
  }
  return undefined;
}

/** The text per year the data lacks, as the console shows it. */
export const unknownYearWarning = (year: number) =>
  `${year} 年节假日安排尚未录入：这一年的日期不开放预约，请在 content/appointments/ 补充 holidays-${year}.json。`;

/**
 * A point's calendar for staff: every ISO week from the current one to the later of the booking
 * horizon's end and `CALENDAR_WEEKS_AHEAD` weeks on, each with its real hours (template, holidays,
 * make-up days, closures), flagged below the minimum with the reasons and the nearest hours outside
 * it; and the years reached whose holidays are missing.
 */
export function staffCalendar({
  point,
  now,
  closures = [],
  calendar = CALENDAR,
  rules = BOOKING_RULES,
  minimumHours = MINIMUM_WEEKLY_HOURS,
}: {
  point: ServicePoint;
  now: Date;
  closures?: readonly Closure[];
  calendar?: Calendar;
  rules?: ServicesFile;
  minimumHours?: number;
}): StaffCalendar {
  const today = chinaDay(now);
  const horizonEnd = addDays(today, rules.bookingHorizonDays);
  const lastWeek = isoWeekOf(addDays(today, 7 * CALENDAR_WEEKS_AHEAD));
  const weeks: StaffCalendar["weeks"] = [];
  let week = isoWeekOf(today);
  let lastDay = today;
  for (let monday = isoWeekDays(week)[0] as string; ; monday = addDays(monday, 7)) {
    week = isoWeekOf(monday);
    lastDay = addDays(monday, 6);
    weeks.push(weekEntry(point, week, closures, calendar, minimumHours));
    if (week >= lastWeek && lastDay >= horizonEnd) break;
  }
  const missing = unknownYears(today, lastDay, calendar);
  return {
    minimumWeeklyHours: minimumHours,
    horizonEnd,
    weeks,
    unknownYears: missing,
    warnings: missing.map(unknownYearWarning),
  };
}

function weekEntry(
  point: ServicePoint,
  week: string,
  closures: readonly Closure[],
  calendar: Calendar,
  minimumHours: number,
): StaffCalendar["weeks"][number] {
  const check = weekBelowMinimum(point, week, closures, calendar, minimumHours);
  if (isUnknownYear(check)) return { week, unknownYear: check.unknownYear };
  const days = isoWeekDays(week).map((d) => openingOn(point, d, closures, calendar) as DayOpening);
  const reasons = [
    ...check.holidaysClosing.map((h) => `${h.day} ${h.holiday}放假，少 ${h.lostMinutes / 60} 小时`),
    ...check.makeUpDaysOpening.map((m) => `${m.day} 调休上班（${m.holiday}），开放 ${m.minutes / 60} 小时`),
    ...check.closures.map((c) => `${c.day}${c.from ? ` ${c.from}–${c.to}` : ""} ${c.reason}`),
  ];
  const first = days[0] as DayOpening;
  const last = days[6] as DayOpening;
  const nearestExtra = check.below
    ? [
        nearestOpen(point, first.day, -1, closures, calendar),
        nearestOpen(point, last.day, 1, closures, calendar),
      ].filter((d): d is CalendarDay => d !== undefined)
    : [];
  return { week, days: days.map(calendarDay), hours: check.hours, below: check.below, reasons, nearestExtra };
}
