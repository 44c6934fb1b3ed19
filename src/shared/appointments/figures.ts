// The service points' figures (issue 12), defined once: the Worker shapes the rows its reads return
// (functions/db/appointments/figures.ts) with these pure functions, the public page and the staff
// API say the same definitions. Counts only: nothing here carries a name, a phone, a shop or an
// address, and the public answer withholds a point's figures that rest on fewer than
// FIGURES_MIN_COUNT bookings or applications.
import * as v from "valibot";
import { FromDaySchema, MAX_PERIOD_DAYS, ToDaySchema, withPeriod } from "../period.ts";
import { chinaDay } from "../time.ts";
import type { STEP_LIMITS } from "./applications.ts";
import { CALENDAR, type Calendar, isUnknownYear, workingDaysBetween } from "./calendar.ts";
import type { ServiceId } from "./points.ts";
import type { AppointmentStatus } from "./wire.ts";

/**
 * The small-number rule of the public figures (the complaints publish no such rule; the sweeps name
 * a school only from 3 volunteers): a point's booking figures are published from 5 bookings in the
 * period, its application figures from 5 decided applications. Below that, a count or an average
 * could be one merchant's own story ("the one refusal at 临河 in March took 31 days"), so the row
 * says 少于 5 instead. The bureau-wide row follows the same rule. Staff see every number.
 */
export const FIGURES_MIN_COUNT = 5;

/**
 * The steps the on-time rate judges: the bureau's own. 补正 (correction) is the merchant's time to
 * supply what is missing, so a merchant who is late does not make the bureau late; 办结 follows the
 * decision, which is when an application enters the figures.
 */
export const ON_TIME_STEPS = [
  "received",
  "accepted",
  "inspection",
] as const satisfies readonly (keyof typeof STEP_LIMITS)[];

/** What each figure means, as the public page and the staff page show it. */
export const FIGURE_DEFINITIONS = {
  bookings:
    "预约数：预约时段在本期内的预约（网上预约，不含现场加号），在改期取消截止前取消的不计，截止后取消的计入。现场查看按到店时段计入。",
  attended: "到场：已在服务点签到（现场查看为工作人员已到店）的预约数。",
  noShows: "爽约：预约时段已过、未到场也未取消，由服务点记为未到的预约数。爽约率 = 爽约 ÷（到场 + 爽约）。",
  walkIns: "现场加号：未预约、到服务点后由工作人员安排到空闲时段并签到的人次。",
  decided: "作出决定：本期内作出准予或不予决定的店招申请件数；以下各项均按这些申请计算。",
  workingDays:
    "平均办理工作日：从收件之日到作出决定之日相隔的工作日数（按国家法定节假日和调休计算，收件当日不计），取平均值。",
  onTime:
    "按时办理率：收件、受理、现场查看各环节都在时限内完成的申请所占比例（收件 5 个工作日内告知补正或受理，受理后 15 个工作日内作出决定）。补正期间是申请人准备材料的时间，不计入。",
  trips:
    "平均跑动次数：申请人为一件申请到服务点的次数，取平均值。收件那一次算 1 次；之后凡是到场签到的咨询或收件预约，填写了这件申请的编号，或未填写任何申请编号、在同一服务点且在作出决定之前的，各算 1 次。现场查看在店铺进行，不算跑动。“一次办成率”为只跑 1 次的申请所占比例，目标是“最多跑一次”。",
} as const;

// ---- the reads' rows, as functions/db/appointments/figures.ts returns them ----

/** Bookings of one point and service in the period, by status and whether a walk-in. */
export interface BookingTally {
  pointId: string;
  service: ServiceId;
  status: AppointmentStatus;
  walkIn: boolean;
  n: number;
}

/** An application decided in the period (instants are ISO strings in UTC). */
export interface DecidedApplication {
  id: number;
  applicationNumber: string;
  pointId: string;
  /** When it was received at the desk (the application's creation). */
  receivedAt: string;
  decidedAt: string;
  /** The intake booking's slot start: visits after it can be trips for this application. */
  intakeStart: string;
}

/** One timeline row: the step entered, its last day and when. */
export interface StepEvent {
  applicationId: number;
  step: string;
  dueOn: string | null;
  createdAt: string;
}

/** A later attended desk visit (consultation or intake) of the same merchant as an application's intake. */
export interface LaterVisit {
  applicationId: number;
  pointId: string;
  slotStart: string;
  /** The application number the booking named, as typed (may be none, or another application's). */
  applicationNumber: string | null;
}

// ---- pure shaping ----

/** Working days from the day received to the day decided (China time); null past the holiday data. */
export function intakeToDecision(
  app: Pick<DecidedApplication, "receivedAt" | "decidedAt">,
  calendar: Calendar = CALENDAR,
) {
  const n = workingDaysBetween(chinaDay(app.receivedAt), chinaDay(app.decidedAt), calendar);
  return isUnknownYear(n) ? null : n;
}

/**
 * Whether every one of the bureau's steps (ON_TIME_STEPS) before the decision ended by its last day:
 * the timeline in order, each row's step ending at the next row (China-time day ≤ the row's due day).
 * A step without a due day is not judged.
 */
export function onTime(events: readonly Pick<StepEvent, "step" | "dueOn" | "createdAt">[]): boolean {
  for (let i = 0; i + 1 < events.length; i++) {
    const e = events[i] as StepEvent;
    if (e.step === "decided") break;
    const next = events[i + 1] as StepEvent;
    if (!(ON_TIME_STEPS as readonly string[]).includes(e.step) || e.dueOn === null) continue;
    if (chinaDay(next.createdAt) > e.dueOn) return false;
  }
  return true;
}

/** "SQ-12ab 3456" as typed on a booking, the way application numbers are compared. */
const normalNumber = (s: string) => s.replace(/[\s-]/g, "").toUpperCase();

/**
 * Trips for one application (how many times the merchant came to the service point for it):
 * 1 for the intake (the application exists only once the merchant was at the desk), plus each later
 * attended consultation or intake booking of the same merchant (same person key) that either names
 * this application's number, or names no application and was at the same point, after the intake
 * and no later than the decision. A visit naming another application is that one's. Inspections
 * are at the shop and never count (the read returns only desk services).
 */
export function tripsOf(app: DecidedApplication, visits: readonly LaterVisit[]): number {
  const own = normalNumber(app.applicationNumber);
  let trips = 1;
  for (const v of visits) {
    if (v.applicationId !== app.id || v.slotStart <= app.intakeStart) continue;
    const named = v.applicationNumber ? normalNumber(v.applicationNumber) : "";
    if (named === own) trips++;
    else if (named === "" && v.pointId === app.pointId && v.slotStart <= app.decidedAt) trips++;
  }
  return trips;
}

export interface BookingFigures {
  bookings: number;
  attended: number;
  noShows: number;
  lateCancels: number;
  walkIns: number;
  /** noShows ÷ (attended + noShows), or null when neither. */
  noShowRate: number | null;
}

export interface ApplicationFigures {
  decided: number;
  /** Mean working days received → decided, over the applications whose days the holiday data covers. */
  averageWorkingDays: number | null;
  onTime: number;
  onTimeRate: number | null;
  averageTrips: number | null;
  oneTrip: number;
  oneTripRate: number | null;
}

/** One point's row, or the bureau's (`pointId` "all"). Null figures are withheld by the small-number rule. */
export interface FiguresRow {
  pointId: string;
  pointName: string;
  bookings: BookingFigures | null;
  applications: ApplicationFigures | null;
}

/** GET /api/appointments/figures and GET /api/staff/appointments/figures. */
export interface AppointmentFigures {
  from: string;
  to: string;
  /** The least count a published figure rests on (0 for staff: nothing withheld). */
  minimum: number;
  total: FiguresRow;
  points: FiguresRow[];
  /** Bookings per service, bureau-wide (same rule). */
  byService: { service: ServiceId; figures: BookingFigures | null }[];
}

const round = (n: number, places = 2) => Math.round(n * 10 ** places) / 10 ** places;
const rate = (part: number, whole: number) => (whole > 0 ? round(part / whole, 4) : null);

/** Booking figures from tallies (of one point, one service or all): null below `minimum` bookings. */
export function bookingFigures(tallies: readonly BookingTally[], minimum = 0): BookingFigures | null {
  let bookings = 0;
  let attended = 0;
  let noShows = 0;
  let lateCancels = 0;
  let walkIns = 0;
  for (const t of tallies) {
    if (t.walkIn) {
      if (t.status === "attended") walkIns += t.n;
      continue;
    }
    if (t.status === "cancelled") continue;
    bookings += t.n;
    if (t.status === "attended") attended += t.n;
    if (t.status === "no_show") noShows += t.n;
    if (t.status === "late_cancelled") lateCancels += t.n;
  }
  if (bookings + walkIns < minimum) return null;
  return { bookings, attended, noShows, lateCancels, walkIns, noShowRate: rate(noShows, attended + noShows) };
}

/** What each decided application contributes, computed once. */
export interface ApplicationOutcome {
  pointId: string;
  workingDays: number | null;
  onTime: boolean;
  trips: number;
}

export function outcomesOf(
  apps: readonly DecidedApplication[],
  events: readonly StepEvent[],
  visits: readonly LaterVisit[],
  calendar: Calendar = CALENDAR,
): ApplicationOutcome[] {
  const eventsOf = new Map<number, StepEvent[]>();
  for (const e of events) eventsOf.set(e.applicationId, [...(eventsOf.get(e.applicationId) ?? []), e]);
  const visitsOf = new Map<number, LaterVisit[]>();
  for (const v of visits) visitsOf.set(v.applicationId, [...(visitsOf.get(v.applicationId) ?? []), v]);
  return apps.map((a) => ({
    pointId: a.pointId,
    workingDays: intakeToDecision(a, calendar),
    onTime: onTime(eventsOf.get(a.id) ?? []),
    trips: tripsOf(a, visitsOf.get(a.id) ?? []),
  }));
}

const mean = (xs: readonly number[]) => (xs.length > 0 ? round(xs.reduce((s, x) => s + x, 0) / xs.length, 1) : null);

/** Application figures from outcomes (of one point or all): null below `minimum` decided applications. */
export function applicationFigures(outcomes: readonly ApplicationOutcome[], minimum = 0): ApplicationFigures | null {
  if (outcomes.length < minimum) return null;
  const onTimeCount = outcomes.filter((o) => o.onTime).length;
  const oneTrip = outcomes.filter((o) => o.trips <= 1).length;
  return {
    decided: outcomes.length,
    averageWorkingDays: mean(outcomes.flatMap((o) => (o.workingDays === null ? [] : [o.workingDays]))),
    onTime: onTimeCount,
    onTimeRate: rate(onTimeCount, outcomes.length),
    averageTrips: mean(outcomes.map((o) => o.trips)),
    oneTrip,
    oneTripRate: rate(oneTrip, outcomes.length),
  };
}

/** The reads' rows for a period. */
export interface FiguresInput {
  tallies: readonly BookingTally[];
  applications: readonly DecidedApplication[];
  events: readonly StepEvent[];
  visits: readonly LaterVisit[];
}

/**
 * The whole answer: one row per point (in the order given), the bureau's row and bookings per
 * service. `minimum` is FIGURES_MIN_COUNT for the public, 0 for staff.
 */
export function shapeFigures(
  period: { from: string; to: string },
  points: readonly { id: string; name: string }[],
  input: FiguresInput,
  minimum: number,
  calendar: Calendar = CALENDAR,
): AppointmentFigures {
  const outcomes = outcomesOf(input.applications, input.events, input.visits, calendar);
  const services = [...new Set(input.tallies.map((t) => t.service))].sort();
  return {
    ...period,
    minimum,
    total: {
      pointId: "all",
      pointName: "全区",
      bookings: bookingFigures(input.tallies, minimum),
      applications: applicationFigures(outcomes, minimum),
    },
    points: points.map((p) => ({
      pointId: p.id,
      pointName: p.name,
      bookings: bookingFigures(
        input.tallies.filter((t) => t.pointId === p.id),
        minimum,
      ),
      applications: applicationFigures(
        outcomes.filter((o) => o.pointId === p.id),
        minimum,
      ),
    })),
    byService: services.map((service) => ({
      service,
      figures: bookingFigures(
        input.tallies.filter((t) => t.service === service),
        minimum,
      ),
    })),
  };
}

/** Both ends or neither (the default period): one end alone is a mistake, not a half-open period. */
const bothEnds = <T extends { from?: string | undefined; to?: string | undefined }>() =>
  v.forward<T, v.CheckIssue<T>, ["to"]>(
    v.check((p: T) => (p.from === undefined) === (p.to === undefined), "请同时给出起始日期和结束日期"),
    ["to"] as Parameters<typeof v.forward<T, v.CheckIssue<T>, ["to"]>>[1],
  );

const PublicQuery = v.object({ from: v.optional(FromDaySchema), to: v.optional(ToDaySchema) });

/** GET /api/appointments/figures?from&to: whole China-time days, at most a year; the last full month by default. */
export const PublicFiguresQuerySchema = v.pipe(
  withPeriod(PublicQuery, MAX_PERIOD_DAYS.year),
  bothEnds<v.InferOutput<typeof PublicQuery>>(),
);

/** GET /api/staff/appointments/figures?from&to&point (point: one of the staff member's points; all of them when left out). */
const StaffQuery = v.object({
  from: v.optional(FromDaySchema),
  to: v.optional(ToDaySchema),
  point: v.optional(v.pipe(v.string(), v.regex(/^[a-z0-9-]{2,40}$/, "服务点无效"))),
});
export const StaffFiguresQuerySchema = v.pipe(
  withPeriod(StaffQuery, MAX_PERIOD_DAYS.year),
  bothEnds<v.InferOutput<typeof StaffQuery>>(),
);
