// The service-point desk: which points a staff member may open. A point's clerks are the unit the
// point names as its `deskUnit` (content/appointments/points.json); admins and dispatchers see
// every point, as the complaints' command centre sees every unit's cases.
import type { Role } from "../staff/roles.ts";
import { SERVICE_POINTS } from "./points.ts";

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
