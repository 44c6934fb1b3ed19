import { and, asc, eq, gt, gte, inArray, lt, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Db } from "../client";
import { applicationEvents, applications, appointments } from "../schema";

// The reads behind the service points' figures (src/shared/appointments/figures.ts shapes them):
// counts and instants only, no query here selects a name, a phone, a shop or an address. Drizzle
// builders, run together in one db.batch (functions/lib/appointments/figures.ts), so the query-plan
// test can read their SQL. `pointIds` is always the explicit list of points asked for, so the
// appointments' (point_id, slot_start) index serves the period as one short range per point.

/**
 * Bookings whose slot starts in [start, end), per point, service, status and walk-in: the day
 * view's index (appointments_day_idx) gives the rows, one range per point.
 */
export function bookingTallies(db: Db, pointIds: readonly string[], start: string, end: string) {
  return db
    .select({
      pointId: appointments.pointId,
      service: appointments.service,
      status: appointments.status,
      walkIn: appointments.walkIn,
      n: sql<number>`count(*)`,
    })
    .from(appointments)
    .where(
      and(
        inArray(appointments.pointId, [...pointIds]),
        gte(appointments.slotStart, start),
        lt(appointments.slotStart, end),
      ),
    )
    .groupBy(appointments.pointId, appointments.service, appointments.status, appointments.walkIn);
}

/** Applications of the points decided in [start, end). */
const decidedIn = (pointIds: readonly string[], start: string, end: string) =>
  and(
    inArray(applications.pointId, [...pointIds]),
    gte(applications.decidedAt, start),
    lt(applications.decidedAt, end),
  );

/**
 * The applications decided in the period with their intake booking's start. No index has
 * decided_at: this reads every application row (not the appointments), then one booking by its key
 * each. The applications table grows by the files received, a few thousand a year per district.
 */
export function decidedApplications(db: Db, pointIds: readonly string[], start: string, end: string) {
  return (
    db
      .select({
        id: applications.id,
        applicationNumber: applications.applicationNumber,
        pointId: applications.pointId,
        receivedAt: applications.createdAt,
        decidedAt: sql<string>`${applications.decidedAt}`,
        intakeStart: appointments.slotStart,
      })
      .from(applications)
      // CROSS JOIN: SQLite keeps this order (applications outside), so it never picks a scan of the
      // appointments with a look-up of each one's application instead.
      .crossJoin(appointments)
      .where(and(eq(appointments.id, applications.intakeAppointmentId), decidedIn(pointIds, start, end)))
  );
}

/** The timelines of those applications, in order (application_events_application_idx). */
export function decidedTimelines(db: Db, pointIds: readonly string[], start: string, end: string) {
  const decided = db
    .select({ id: applications.id })
    .from(applications)
    .where(decidedIn(pointIds, start, end));
  return db
    .select({
      applicationId: applicationEvents.applicationId,
      step: applicationEvents.step,
      dueOn: applicationEvents.dueOn,
      createdAt: applicationEvents.createdAt,
    })
    .from(applicationEvents)
    .where(inArray(applicationEvents.applicationId, decided))
    .orderBy(asc(applicationEvents.applicationId), asc(applicationEvents.id));
}

const intake = alias(appointments, "intake");
const visit = alias(appointments, "visit");

/**
 * The same merchant's attended desk visits (consultation or intake) after each decided
 * application's intake: found by the intake's person key with the (person_key, status) index, so
 * only that merchant's rows are read. Which of them count as trips is tripsOf's rule.
 */
export function laterVisits(db: Db, pointIds: readonly string[], start: string, end: string) {
  return (
    db
      .select({
        applicationId: applications.id,
        pointId: visit.pointId,
        slotStart: visit.slotStart,
        applicationNumber: visit.applicationNumber,
      })
      .from(applications)
      // CROSS JOINs keep the order applications → intake (by key) → visits (by person key): with the
      // tables joined freely, SQLite chose to scan every appointment as a visit.
      .crossJoin(intake)
      .crossJoin(visit)
      .where(
        and(
          decidedIn(pointIds, start, end),
          eq(intake.id, applications.intakeAppointmentId),
          eq(visit.personKey, intake.personKey),
          eq(visit.status, "attended"),
          inArray(visit.service, ["consultation", "intake"]),
          gt(visit.slotStart, intake.slotStart),
        ),
      )
  );
}
