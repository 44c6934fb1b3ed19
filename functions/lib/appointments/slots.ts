import {
  BOOKING_RULES,
  pointById,
  SERVICE_POINTS,
  type ServiceId,
  type ServicePoint,
} from "../../../src/shared/appointments/points";
import { parseSlotId, type Slot, slotsFor } from "../../../src/shared/appointments/slots";
import type { FreeSlot, SlotListResult } from "../../../src/shared/appointments/wire";
import { addDays, chinaDay, dayStart } from "../../../src/shared/time";
import type { ClosureRow, TemplateRow } from "../../db/appointments/calendar";
import { bookedOf, closuresOf, templatesOf } from "../../db/appointments/free-slots";
import type { Db } from "../../db/client";
import { readKept } from "../../db/kept-reads";
import { readTogether } from "../../db/prepared";
import { type StoredCalendar, storedCalendar } from "./calendar";

/** How many free slots a refused booking suggests. */
export const NEAREST_FREE = 5;

/** The slots the points offer for the service now (notice period, horizon, real opening: saved template, closures). */
function offered(points: readonly ServicePoint[], service: ServiceId, now: Date, stored: StoredCalendar) {
  const unknown = new Set<number>();
  const slots: Slot[] = [];
  for (const point of points) {
    const list = slotsFor({ point: stored.point(point), service, now, closures: stored.closures });
    slots.push(...list.slots);
    for (const y of list.unknownYears) unknown.add(y);
  }
  return { slots, unknownYears: [...unknown].sort() };
}

/** [from, the end of the booking horizon): every slot listed starts inside it. */
function horizon(from: Date, horizonDays: number) {
  return { start: from.toISOString(), end: dayStart(addDays(chinaDay(from), horizonDays + 1)).toISOString() };
}

/**
 * The free slots of one point (or every point, `any`) for a service over the booking horizon, with
 * the places left: the slots derived from each point's saved template (else the data's) minus its
 * closures, minus the booked rows counted per slot. The templates, the closures and the counts are
 * read in one D1 round trip, compiled once per set of points (functions/db/appointments/free-slots.ts),
 * and kept while they do not change. Sorted by start, then point, so "earliest" is the first.
 */
export async function freeSlots(
  db: Db,
  point: string,
  service: ServiceId,
  now: Date,
  from?: string,
): Promise<SlotListResult> {
  const points = point === "any" ? SERVICE_POINTS : [pointById(point)].filter((p) => p !== undefined);
  if (points.length === 0) return { slots: [], unknownYears: [] };
  const ids = points.map((p) => p.id);
  // From the start of today, not from now: the read is the same all day, so it is kept while no
  // booking, template or closure changes (functions/db/kept-reads.ts); `offered` drops what has begun.
  const { start, end } = horizon(dayStart(chinaDay(now)), BOOKING_RULES.bookingHorizonDays);
  const key = ids.join(",");
  const [templates, closures, rows] = await readKept(db, "appointments", `${key} ${service} ${start}`, [
    [templatesOf(db, key), {}],
    [closuresOf(db, key), { start, end }],
    [bookedOf(db, key), { service, start, end }],
  ]);
  const { slots, unknownYears } = offered(points, service, now, storedCalendar(templates, closures));
  const shown = from ? slots.filter((s) => s.day >= from) : slots;
  const booked = new Map(rows.map((r) => [r.slotId, r.booked]));
  const free: FreeSlot[] = shown
    .map((s) => ({
      id: s.id,
      pointId: s.pointId,
      service: s.service,
      day: s.day,
      start: s.start,
      end: s.end,
      window: s.window ?? null,
      capacity: s.capacity,
      placesLeft: Math.max(0, s.capacity - (booked.get(s.id) ?? 0)),
    }))
    .filter((s) => s.placesLeft > 0)
    .sort((a, b) => a.start.localeCompare(b.start) || a.pointId.localeCompare(b.pointId));
  return { slots: free, unknownYears };
}

/**
 * The free slots nearest in time to a slot that could not be had, the same point first at equal
 * distance: what a refused booking or reschedule offers instead, and what a closure offers the
 * merchants whose bookings it cancelled.
 */
export async function nearestFree(db: Db, slotId: string, now: Date, limit = NEAREST_FREE): Promise<FreeSlot[]> {
  const wanted = parseSlotId(slotId);
  if (!wanted) return [];
  const { slots } = await freeSlots(db, "any", wanted.service, now);
  const at = Date.parse(`${wanted.day}T${wanted.clock}:00+08:00`);
  const distance = (s: FreeSlot) => Math.abs(Date.parse(s.start) - at);
  return slots
    .filter((s) => s.id !== slotId)
    .sort(
      (a, b) =>
        distance(a) - distance(b) ||
        Number(b.pointId === wanted.pointId) - Number(a.pointId === wanted.pointId) ||
        a.start.localeCompare(b.start),
    )
    .slice(0, limit);
}

/**
 * The reads `offeredFrom` needs for a slot id: its point's saved template and the closures of its
 * day (undefined for an id that names no slot of a known point), compiled, with their values, for a
 * caller to read with its own in one round trip (`readTogether`).
 */
export function offeredSlotReads(db: Db, slotId: string) {
  const parts = parseSlotId(slotId);
  const point = parts && pointById(parts.pointId);
  if (!parts || !point) return undefined;
  const day = { start: dayStart(parts.day).toISOString(), end: dayStart(addDays(parts.day, 1)).toISOString() };
  return [[templatesOf(db, point.id), {}] as const, [closuresOf(db, point.id), day] as const] as const;
}

/** The slot an id names, if its point offers it now given the rows `offeredSlotReads` read. */
export function offeredFrom(
  slotId: string,
  now: Date,
  templates: readonly TemplateRow[],
  closures: readonly ClosureRow[],
): Slot | undefined {
  const parts = parseSlotId(slotId);
  const point = parts && pointById(parts.pointId);
  if (!parts || !point) return undefined;
  const stored = storedCalendar(templates, closures);
  const { service, day } = parts;
  return slotsFor({ point: stored.point(point), service, now, closures: stored.closures, day }).slots.find(
    (s) => s.id === slotId,
  );
}

/**
 * The slot a request names, if its point offers it now (else undefined: past, too soon, beyond the
 * horizon, closed): from the point's saved template and closures, read in one round trip. The
 * closed-period trigger (migrations/0020) refuses a closure that lands after this read.
 */
export async function offeredSlot(db: Db, slotId: string, now: Date): Promise<Slot | undefined> {
  const reads = offeredSlotReads(db, slotId);
  if (!reads) return undefined;
  const [templates, closures] = await readTogether(db, reads);
  return offeredFrom(slotId, now, templates, closures);
}
