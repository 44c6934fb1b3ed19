import { and, asc, desc, eq, inArray, lt, or, sql } from "drizzle-orm";
import { OPEN_STEPS } from "../../../src/shared/appointments/applications";
import type { Statement } from "../batch";
import type { Db } from "../client";
import { applicationEvents, applicationMissing, applications, appointments } from "../schema";

// The applications' reads (drizzle builders, so the query-plan test can read their SQL) and writes
// (statements for the batch port). Every write batch starts with the application's UPDATE, whose
// new version is the one read plus one: migrations/0019's triggers refuse it if anyone moved the
// application since (stale) or if the move is not in the table, and the whole batch goes with it.

export type Application = typeof applications.$inferSelect;

/** The open steps written out, not bound, so SQLite sees the partial indexes' WHERE in the query. */
const OPEN = sql.raw(`${OPEN_STEPS.map((s) => `'${s}'`).join(", ")}`);
const isOpen = sql`${applications.step} IN (${OPEN})`;

export const applicationByNumber = (db: Db, number: string) =>
  db.select().from(applications).where(eq(applications.applicationNumber, number));

/** The application a booking belongs to: the one it was received at, or the one its inspection is for. */
export const applicationOfBooking = (db: Db, appointmentId: number, applicationNumber: string | null) =>
  db
    .select()
    .from(applications)
    .where(
      applicationNumber
        ? or(eq(applications.intakeAppointmentId, appointmentId), eq(applications.applicationNumber, applicationNumber))
        : eq(applications.intakeAppointmentId, appointmentId),
    )
    .limit(1);

export const applicationEventsOf = (db: Db, applicationId: number) =>
  db
    .select()
    .from(applicationEvents)
    .where(eq(applicationEvents.applicationId, applicationId))
    .orderBy(asc(applicationEvents.id));

export const applicationMissingOf = (db: Db, applicationId: number) =>
  db
    .select()
    .from(applicationMissing)
    .where(eq(applicationMissing.applicationId, applicationId))
    .orderBy(asc(applicationMissing.id));

/** The inspections booked for an application (through the merchant's person key, which the index reads). */
export const inspectionsOf = (db: Db, personKey: string, applicationNumber: string) =>
  db
    .select({
      bookingNumber: appointments.bookingNumber,
      start: appointments.slotStart,
      end: appointments.slotEnd,
      status: appointments.status,
    })
    .from(appointments)
    .where(
      and(
        eq(appointments.personKey, personKey),
        eq(appointments.service, "inspection"),
        eq(appointments.applicationNumber, applicationNumber),
      ),
    )
    .orderBy(desc(appointments.id))
    .limit(1);

export const bookingByNumber = (db: Db, bookingNumber: string) =>
  db.select().from(appointments).where(eq(appointments.bookingNumber, bookingNumber));

export const bookingById = (db: Db, id: number) => db.select().from(appointments).where(eq(appointments.id, id));

const QUEUE_LIMIT = 500;

/** A point's open applications, the nearest deadline first (applications_open_due_idx). */
export const applicationQueue = (db: Db, pointId: string) =>
  db
    .select()
    .from(applications)
    .where(and(eq(applications.pointId, pointId), isOpen))
    .orderBy(asc(applications.stepDueOn), asc(applications.id))
    .limit(QUEUE_LIMIT);

/**
 * Open applications whose step is past its last day, the longest overdue first: every point's
 * (applications_overdue_idx) or the given points' (applications_open_due_idx).
 */
export const overdueApplications = (db: Db, today: string, pointIds: readonly string[] | "all") =>
  db
    .select()
    .from(applications)
    .where(
      and(
        ...(pointIds === "all" ? [] : [inArray(applications.pointId, [...pointIds])]),
        isOpen,
        lt(applications.stepDueOn, today),
      ),
    )
    .orderBy(asc(applications.stepDueOn), asc(applications.id))
    .limit(QUEUE_LIMIT);

// ---- writes ----

export interface EventRow {
  action: string;
  step: string;
  staffId: number | null;
  note: string | null;
  dueOn: string | null;
  at: string;
}

/** The application's id by its number: a statement after the INSERT finds it, or NULL (and fails) if it was not written. */
const idOf = (number: string) => sql`(SELECT id FROM applications WHERE application_number = ${number})`;

export const eventInsert = (number: string, e: EventRow): Statement =>
  sql`INSERT INTO application_events (application_id, action, step, staff_id, note, due_on, created_at)
    VALUES (${idOf(number)}, ${e.action}, ${e.step}, ${e.staffId}, ${e.note}, ${e.dueOn}, ${e.at})`;

/** The merchant's message, on the intake booking (the outbox's row names the booking it is about). */
export const statusMessage = (appointmentId: number, at: string): Statement =>
  sql`INSERT INTO appointment_messages (appointment_id, kind, created_at) VALUES (${appointmentId}, 'application_status', ${at})`;

export interface NewApplication {
  number: string;
  bookingId: number;
  pointId: string;
  /** China-time bounds of today: a booked (not yet checked-in) intake is taken only on its day. */
  todayStart: string;
  todayEnd: string;
  dueOn: string;
  dueEstimated: boolean;
  at: string;
}

/**
 * The application, from its intake booking's row: written only while the booking is an intake of
 * this point that was attended, or is booked for today (INSERT … SELECT, so a booking changed since it
 * was read writes no row, and the event after it fails on its NOT NULL application id: nothing half-written).
 */
export const applicationInsert = (a: NewApplication): Statement =>
  sql`INSERT INTO applications (application_number, point_id, intake_appointment_id, shop_name, shop_address, step,
      step_started_at, step_due_on, due_estimated, version, created_at, updated_at)
    SELECT ${a.number}, point_id, id, shop_name, shop_address, 'received', ${a.at}, ${a.dueOn}, ${a.dueEstimated ? 1 : 0},
      0, ${a.at}, ${a.at}
    FROM appointments WHERE id = ${a.bookingId} AND point_id = ${a.pointId} AND service = 'intake'
      AND (status = 'attended' OR (status = 'booked' AND slot_start >= ${a.todayStart} AND slot_start < ${a.todayEnd}))`;

/**
 * The merchant at the desk is there: a booking still `booked` is checked in with the intake, so the
 * desk never marks as not come someone whose application it received (one trip, counted once).
 */
export const checkInAtIntake = (bookingId: number, staffId: number, at: string): Statement =>
  sql`UPDATE appointments SET status = 'attended', checked_in_at = ${at}, checked_in_by = ${staffId}, updated_at = ${at}
    WHERE id = ${bookingId} AND status = 'booked'`;

export interface Move {
  id: number;
  /** The version read; the write sets it one higher (the trigger refuses anything else). */
  version: number;
  step: string;
  dueOn: string | null;
  dueEstimated: boolean;
  at: string;
  acceptedOn?: string;
  decision?: { decision: string; reasons: string | null };
}

/** The application's move to its next step (or the same step, for a partial supply), version-checked. */
export function applicationMove(m: Move): Statement {
  const sets = [
    sql`step = ${m.step}`,
    sql`step_started_at = CASE WHEN step = ${m.step} THEN step_started_at ELSE ${m.at} END`,
    sql`step_due_on = ${m.dueOn}`,
    sql`due_estimated = ${m.dueEstimated ? 1 : 0}`,
    sql`version = ${m.version + 1}`,
    sql`updated_at = ${m.at}`,
  ];
  if (m.acceptedOn) sets.push(sql`accepted_on = ${m.acceptedOn}`);
  if (m.decision) {
    sets.push(sql`decision = ${m.decision.decision}`, sql`reasons = ${m.decision.reasons}`, sql`decided_at = ${m.at}`);
  }
  return sql`UPDATE applications SET ${sql.join(sets, sql`, `)} WHERE id = ${m.id}`;
}

/** The missing materials of a correction request, tied to its event (the last one of the application). */
export const missingInsert = (
  applicationId: number,
  items: readonly { item: string; note: string | null }[],
  dueOn: string,
): Statement =>
  sql`INSERT INTO application_missing (application_id, event_id, item, note, due_on)
    VALUES ${sql.join(
      items.map(
        (i) =>
          sql`(${applicationId}, (SELECT max(id) FROM application_events WHERE application_id = ${applicationId}), ${i.item}, ${i.note}, ${dueOn})`,
      ),
      sql`, `,
    )}`;

export const missingSupplied = (applicationId: number, ids: readonly number[], at: string): Statement =>
  sql`UPDATE application_missing SET supplied_at = ${at}
    WHERE application_id = ${applicationId} AND supplied_at IS NULL AND id IN (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )})`;

/** A withdrawn application's inspection still booked is cancelled in the same batch (its place freed). */
export const cancelInspections = (personKey: string, applicationNumber: string, at: string): Statement =>
  sql`UPDATE appointments SET status = 'cancelled', version = version + 1, updated_at = ${at}
    WHERE person_key = ${personKey} AND status = 'booked' AND service = 'inspection'
      AND application_number = ${applicationNumber}`;
