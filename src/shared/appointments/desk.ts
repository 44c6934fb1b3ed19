// The service-point desk: which points a staff member may open. A point's clerks are the unit the
// point names as its `deskUnit` (content/appointments/points.json); admins and dispatchers see
// every point, as the complaints' command centre sees every unit's cases.
import type { Role } from "../staff/roles.ts";
import { dayStart } from "../time.ts";
import type { Closure } from "./opening.ts";
import { SERVICE_POINTS, type ServiceId, type ServicePoint, serviceById } from "./points.ts";
import { type Slot, slotsFor } from "./slots.ts";

/** Roles that reach every point's desk (dispatchers read only: the permission table says which). */
const ALL_POINTS_ROLES: readonly Role[] = ["admin", "dispatcher"];

/** The ids of the points whose desk this staff member may open, in the data's order. */
export function deskPointIdsFor(staff: { role: Role; unitId: string | null }): string[] {
  if (ALL_POINTS_ROLES.includes(staff.role)) return SERVICE_POINTS.map((p) => p.id);
  if (staff.role !== "service_point_staff" || !staff.unitId) return [];
  return SERVICE_POINTS.filter((p) => p.deskUnit === staff.unitId).map((p) => p.id);
}

/** The point whose desk a service-point unit works, if any. */
export const pointOfDeskUnit = (unitId: string) => SERVICE_POINTS.find((p) => p.deskUnit === unitId);

/**
 * Every slot a point offers on `day` for a service, whatever the notice period (the desk puts a
 * walk-in onto today's slots, which the public can no longer book). `slotsFor` lists the slots from
 * `now` plus the notice on: asked as of just before the day's start minus the notice, its first
 * listed day is at most a few days before `day`, well inside the horizon, and every slot of `day`
 * starts after its earliest. `point` with the template staff saved, `closures` those in force (the
 * Worker reads both: functions/lib/appointments/calendar.ts).
 */
export function slotsOfDay(
  point: ServicePoint,
  service: ServiceId,
  day: string,
  closures: readonly Closure[] = [],
): Slot[] {
  const notice = serviceById(service).noticeHours * 3_600_000;
  const now = new Date(dayStart(day).getTime() - notice - 1);
  return slotsFor({ point, service, now, closures, day }).slots;
}
