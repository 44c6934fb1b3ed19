import { type AppointmentFigures, FIGURES_MIN_COUNT, shapeFigures } from "../../../src/shared/appointments/figures";
import { pointById, SERVICE_POINTS } from "../../../src/shared/appointments/points";
import type { Role } from "../../../src/shared/staff/roles";
import { addMonths, chinaMonth, monthEnd, monthStart, periodInstants } from "../../../src/shared/time";
import { bookingTallies, decidedApplications, decidedTimelines, laterVisits } from "../../db/appointments/figures";
import type { Db } from "../../db/client";
import type { SignedInStaff } from "../../env";
import { problem } from "../problem";

// The service points' figures: four reads in one batch, shaped by the pure functions of
// src/shared/appointments/figures.ts. The public answer applies the small-number rule; staff see
// every number of the points they work.

/** The asked days, or the last full month before `now` (China time). */
export function figuresPeriod(q: { from?: string | undefined; to?: string | undefined }, now = new Date()) {
  if (q.from && q.to) return { from: q.from, to: q.to };
  const month = addMonths(chinaMonth(now), -1);
  return { from: monthStart(month), to: monthEnd(month) };
}

/** The figures of the given points for the China-time days [from, to]. */
export async function appointmentFigures(
  db: Db,
  period: { from: string; to: string },
  points: readonly { id: string; name: string }[],
  minimum: number,
): Promise<AppointmentFigures> {
  const ids = points.map((p) => p.id);
  const { start, end } = periodInstants(period.from, period.to);
  const [tallies, applications, events, visits] = await db.batch([
    bookingTallies(db, ids, start, end),
    decidedApplications(db, ids, start, end),
    decidedTimelines(db, ids, start, end),
    laterVisits(db, ids, start, end),
  ]);
  return shapeFigures(period, points, { tallies, applications, events, visits }, minimum);
}

const allPoints = () => SERVICE_POINTS.map((p) => ({ id: p.id, name: p.name }));

/** The public figures: every point, with the small-number rule. */
export const publicFigures = (db: Db, period: { from: string; to: string }) =>
  appointmentFigures(db, period, allPoints(), FIGURES_MIN_COUNT);

/** Roles that read every point's figures (the command centre and the figures' readers). */
const ALL_POINTS_ROLES: readonly Role[] = ["admin", "dispatcher", "viewer"];

/**
 * The points a staff member's figures cover: every point for the centre, a clerk's own; `point`
 * narrows to one of them, and a point outside them answers 404 as an unknown one (the desk's rule).
 */
export function figuresPointsFor(staff: Pick<SignedInStaff, "role" | "unitId">, point?: string) {
  const mine = ALL_POINTS_ROLES.includes(staff.role)
    ? allPoints()
    : SERVICE_POINTS.filter(
        (p) => staff.role === "service_point_staff" && staff.unitId && p.deskUnit === staff.unitId,
      ).map((p) => ({ id: p.id, name: p.name }));
  if (point === undefined) return mine;
  const found = pointById(point) && mine.find((p) => p.id === point);
  if (!found) throw problem(404, { detail: "没有找到这个服务点。" });
  return [found];
}
