import { pointById, SERVICE_POINTS, type ServiceId, type ServicePoint } from "../../../src/shared/appointments/points";
import { parseSlotId, type Slot, slotsFor } from "../../../src/shared/appointments/slots";
import type { FreeSlot, SlotListResult } from "../../../src/shared/appointments/wire";
import { bookedPerSlot } from "../../db/appointments/index";
import type { Db } from "../../db/client";

/** How many free slots a refused booking suggests. */
export const NEAREST_FREE = 5;

/** The slots the data offers for the points' service now (notice period, horizon, real opening). */
function offered(points: readonly ServicePoint[], service: ServiceId, now: Date) {
  const unknown = new Set<number>();
  const slots: Slot[] = [];
  for (const point of points) {
    const list = slotsFor({ point, service, now });
    slots.push(...list.slots);
    for (const y of list.unknownYears) unknown.add(y);
  }
  return { slots, unknownYears: [...unknown].sort() };
}

/**
 * The free slots of one point (or every point, `any`) for a service over the booking horizon, with
 * the places left: the slots the data derives, minus the booked rows counted in one query. Sorted
 * by start, then point, so "earliest" is the first.
 */
export async function freeSlots(
  db: Db,
  point: string,
  service: ServiceId,
  now: Date,
  from?: string,
): Promise<SlotListResult> {
  const points = point === "any" ? SERVICE_POINTS : [pointById(point)].filter((p) => p !== undefined);
  const { slots, unknownYears } = offered(points, service, now);
  const shown = from ? slots.filter((s) => s.day >= from) : slots;
  if (shown.length === 0) return { slots: [], unknownYears };
  const starts = shown.map((s) => s.start).sort();
  const rows = await bookedPerSlot(
    db,
    points.map((p) => p.id),
    service,
    starts[0] as string,
    new Date(Date.parse(starts.at(-1) as string) + 1).toISOString(),
  );
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
 * distance: what a refused booking or reschedule offers instead.
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

/** The slot a request names, if the data offers it now (else undefined: past, too soon, beyond the horizon, closed). */
export function offeredSlot(slotId: string, now: Date): Slot | undefined {
  const parts = parseSlotId(slotId);
  const point = parts && pointById(parts.pointId);
  if (!parts || !point) return undefined;
  return slotsFor({ point, service: parts.service, now }).slots.find((s) => s.id === slotId);
}
