// The bookable slots of a point for a service type, derived from its real opening (opening.ts):
// desk services in steps of their duration inside each opening interval, as many places as desks
// serving that service; inspections as morning/afternoon visit windows on working days, as many
// places as the point's teams make visits per window. Only slots after the notice period and within
// the booking horizon of `now`. A slot's id names its point, service and China-time start, so the
// booking table can key its capacity on it and the id never changes while the template does not.
import { addDays, addMinutes, chinaDay, dayStart, isDay } from "../time.ts";
import { CALENDAR, type Calendar, isUnknownYear, isWorkingDay } from "./calendar.ts";
import { type Closure, openingOn } from "./opening.ts";
import {
  BOOKING_RULES,
  type DeskService,
  type ServiceId,
  type ServicePoint,
  type ServicesFile,
  serviceById,
  type VisitService,
} from "./points.ts";
import { clockMinutes, formatClock, type Interval } from "./template.ts";

export interface Slot {
  /** "linhe:intake:2026-12-08T09:00+08:00". */
  id: string;
  pointId: string;
  service: ServiceId;
  /** The China-time day. */
  day: string;
  /** Instants, ISO in UTC as the database keeps them. */
  start: string;
  end: string;
  /** Places: the desks serving the service, or the visits the point's teams make in the window. */
  capacity: number;
  /** For inspections: the half-day window. */
  window?: "morning" | "afternoon";
}

export interface SlotQuery {
  point: ServicePoint;
  service: ServiceId;
  now: Date;
  closures?: readonly Closure[];
  calendar?: Calendar;
  rules?: ServicesFile;
  /**
   * Only this China-time day of the horizon (none when it lies outside): what checking one slot, or
   * a desk's day, needs, instead of building every day's slots to keep one. `unknownYears` then
   * covers that day alone.
   */
  day?: string;
}

export interface SlotList {
  slots: Slot[];
  /** Years in the horizon whose holidays are not in the data: their days give no slots, and staff are told. */
  unknownYears: number[];
}

/** The id of the slot of a point and service that starts at `clock` on `day`. */
export const slotId = (pointId: string, service: ServiceId, day: string, clock: string) =>
  `${pointId}:${service}:${day}T${clock}+08:00`;

const SLOT_ID = /^([a-z0-9-]+):(consultation|intake|inspection):(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})\+08:00$/;

/** The parts of a slot id, or undefined when it is none (an id from a request is checked before use). */
export function parseSlotId(
  id: string,
): { pointId: string; service: ServiceId; day: string; clock: string } | undefined {
  const m = SLOT_ID.exec(id);
  if (!m || !isDay(m[3] as string)) return undefined;
  return { pointId: m[1] as string, service: m[2] as ServiceId, day: m[3] as string, clock: m[4] as string };
}

/**
 * The instants of a day's clock minutes: the day's start is parsed once per day, not per slot (the
 * free-slot listing builds every slot of the horizon on each request).
 */
function clockOf(day: string): (minutes: number) => string {
  const midnight = dayStart(day);
  return (minutes) => addMinutes(midnight, minutes).toISOString();
}

/**
 * A day's desk slots by point, service, day, opening and places: the listing asks for the same
 * horizon on every request, and writing each slot's instants is most of its CPU. Bounded: cleared
 * when full. The slots are shared, so nobody may change one (they are frozen).
 */
const deskDays = new Map<string, readonly Slot[]>();
const DESK_DAYS_KEPT = 4096;

function deskSlots(point: ServicePoint, service: DeskService, day: string, intervals: Interval[]): readonly Slot[] {
  const capacity = point.desks.filter((d) => d.service === service.id).length;
  if (capacity === 0) return [];
  const key = `${point.id}|${service.id}|${service.durationMinutes}|${day}|${capacity}|${intervals.map((i) => `${i.start}-${i.end}`).join(",")}`;
  const kept = deskDays.get(key);
  if (kept) return kept;
  const slots = Object.freeze(buildDeskSlots(point, service, day, intervals, capacity).map((x) => Object.freeze(x)));
  if (deskDays.size >= DESK_DAYS_KEPT) deskDays.clear();
  deskDays.set(key, slots);
  return slots;
}

function buildDeskSlots(
  point: ServicePoint,
  service: DeskService,
  day: string,
  intervals: Interval[],
  capacity: number,
): Slot[] {
  const slots: Slot[] = [];
  const at = clockOf(day);
  for (const interval of intervals) {
    for (
      let start = interval.start;
      start + service.durationMinutes <= interval.end;
      start += service.durationMinutes
    ) {
      slots.push({
        id: slotId(point.id, service.id, day, formatClock(start)),
        pointId: point.id,
        service: service.id,
        day,
        start: at(start),
        end: at(start + service.durationMinutes),
        capacity,
      });
    }
  }
  return slots;
}

function visitSlots(point: ServicePoint, service: VisitService, day: string, closures: readonly Closure[]): Slot[] {
  const capacity = point.inspectionTeams.reduce((sum, t) => sum + t.visitsPerWindow, 0);
  const closed = closures
    .filter((c) => c.pointId === point.id && c.day === day)
    .map((c) => ({ start: c.from ? clockMinutes(c.from) : 0, end: c.to ? clockMinutes(c.to) : 24 * 60 }));
  const at = clockOf(day);
  return service.windows.flatMap((w) => {
    const window = { start: clockMinutes(w.from), end: clockMinutes(w.to) };
    // A closure touching a window cancels the whole visit window: a team cannot promise half of one.
    if (closed.some((c) => c.start < window.end && c.end > window.start)) return [];
    return [
      {
        id: slotId(point.id, service.id, day, w.from),
        pointId: point.id,
        service: service.id,
        day,
        start: at(window.start),
        end: at(window.end),
        capacity,
        window: w.id,
      },
    ];
  });
}

/**
 * The slots of `point` for `service` from `now` to the end of the booking horizon (today plus
 * `bookingHorizonDays` China-time days), starting no sooner than the service's notice period after
 * `now`. Capacity only: what is already booked is the database's to subtract.
 */
export function slotsFor({
  point,
  service: serviceId,
  now,
  closures = [],
  calendar = CALENDAR,
  rules = BOOKING_RULES,
  day: only,
}: SlotQuery): SlotList {
  const service = serviceById(serviceId, rules);
  const earliest = addMinutes(now, service.noticeHours * 60).toISOString();
  const today = chinaDay(now);
  const slots: Slot[] = [];
  const unknown = new Set<number>();
  for (let i = 0; i <= rules.bookingHorizonDays; i++) {
    const day = addDays(today, i);
    if (only !== undefined && day !== only) continue;
    let daySlots: readonly Slot[];
    if (service.where === "desk") {
      const opening = openingOn(point, day, closures, calendar);
      if (isUnknownYear(opening)) {
        unknown.add(opening.unknownYear);
        continue;
      }
      daySlots = deskSlots(point, service, day, opening.intervals);
    } else {
      // Teams visit shops on working days (make-up days included), whatever the desk's hours.
      const working = isWorkingDay(day, calendar);
      if (isUnknownYear(working)) {
        unknown.add(working.unknownYear);
        continue;
      }
      daySlots = working ? visitSlots(point, service, day, closures) : [];
    }
    slots.push(...daySlots.filter((s) => s.start >= earliest));
  }
  return { slots, unknownYears: [...unknown].sort() };
}
