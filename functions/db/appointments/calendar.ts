import { and, asc, eq, gt, inArray, isNull, lt, type Placeholder, sql } from "drizzle-orm";
import type { Statement } from "../batch";
import type { Db } from "../client";
import { appointmentClosures, appointments, appointmentTemplates } from "../schema";
import type { DeskActor } from "./desk";

// The staff calendar's reads and writes: the templates staff saved and the closures in force, read
// as drizzle builders so callers put them in the same db.batch as the booked counts (one round
// trip), and the writes as statements for the batch port, each with its audit row.

export type TemplateRow = typeof appointmentTemplates.$inferSelect;
export type ClosureRow = typeof appointmentClosures.$inferSelect;

/** The templates saved for these points (a point without a row opens as the data says). */
export function storedTemplates(db: Db, pointIds: readonly string[]) {
  return db
    .select()
    .from(appointmentTemplates)
    .where(inArray(appointmentTemplates.pointId, [...pointIds]));
}

/** Which closures are in force for these points and overlap [start, end): through the partial index. */
export function inForce(
  pointIds: readonly (string | Placeholder)[],
  start: string | Placeholder,
  end: string | Placeholder,
) {
  return and(
    inArray(appointmentClosures.pointId, [...pointIds]),
    isNull(appointmentClosures.cancelledAt),
    lt(appointmentClosures.startsAt, end),
    gt(appointmentClosures.endsAt, start),
  );
}

/** The closures in force of these points that overlap [start, end). */
export function closuresIn(
  db: Db,
  pointIds: readonly string[],
  start: string | Placeholder,
  end: string | Placeholder,
) {
  return db
    .select()
    .from(appointmentClosures)
    .where(inForce(pointIds, start, end))
    .orderBy(asc(appointmentClosures.startsAt), asc(appointmentClosures.id));
}

export function closureById(db: Db, id: number) {
  return db.select().from(appointmentClosures).where(eq(appointmentClosures.id, id));
}

/** A point's bookings holding a place in [start, end) that a closure would cancel (not yet started). */
export function bookingsInPeriod(db: Db, pointId: string, start: string, end: string, now: string) {
  return db
    .select({
      id: appointments.id,
      bookingNumber: appointments.bookingNumber,
      service: appointments.service,
      slotStart: appointments.slotStart,
      slotEnd: appointments.slotEnd,
      name: appointments.name,
      shopName: appointments.shopName,
    })
    .from(appointments)
    .where(
      and(
        eq(appointments.pointId, pointId),
        eq(appointments.status, "booked"),
        lt(appointments.slotStart, end),
        gt(appointments.slotEnd, start),
        gt(appointments.slotStart, now),
      ),
    )
    .orderBy(asc(appointments.slotStart), asc(appointments.id));
}

const auditRow = (a: DeskActor, action: string, target: string, detail: Statement) =>
  sql`INSERT INTO audit_log (actor_id, actor_email, action, target, detail, client_ip, request_id)
    SELECT ${a.actorId}, ${a.actorEmail}, ${action}, ${target}, ${detail}, ${a.clientIp}, ${a.requestId}
    WHERE changes() = 1`;

/**
 * Saves a point's template over the version the editor read (0: the data's): one upsert that
 * changes nothing when another save landed meanwhile (RETURNING no row), and its audit row chained
 * to it. The 10-hour CHECK and the version trigger are the database's own guard.
 */
export function saveTemplateBatch(
  pointId: string,
  weekly: string,
  weeklyMinutes: number,
  version: number,
  actor: DeskActor,
  now: string,
): Statement[] {
  return [
    sql`INSERT INTO appointment_templates (point_id, weekly, weekly_minutes, version, updated_by, updated_at)
      VALUES (${pointId}, ${weekly}, ${weeklyMinutes}, ${version + 1}, ${actor.actorId}, ${now})
      ON CONFLICT (point_id) DO UPDATE SET weekly = excluded.weekly, weekly_minutes = excluded.weekly_minutes,
        version = excluded.version, updated_by = excluded.updated_by, updated_at = excluded.updated_at
      WHERE appointment_templates.version = excluded.version - 1
      RETURNING version`,
    auditRow(
      actor,
      "appointment.template_saved",
      pointId,
      sql`json_object('version', ${version + 1}, 'weeklyMinutes', ${weeklyMinutes})`,
    ),
  ];
}

export interface NewClosure {
  pointId: string;
  day: string;
  fromClock: string | null;
  toClock: string | null;
  startsAt: string;
  endsAt: string;
  reason: string;
  reasonText: string | null;
}

// D1 runs one batch at a time, so inside the closing batch the newest closure is the one it wrote.
const THIS_CLOSURE = sql`(SELECT max(id) FROM appointment_closures)`;

/**
 * Closes a point for a period, in one batch: the closure, every booking of the period not yet
 * started cancelled by it (status `cancelled` with the closure's id: not the merchant's cancel, not
 * late, nothing the no-show rule counts; the places are freed), a `point_closed` message to each,
 * and the audit row with how many were cancelled.
 */
export function closeBatch(c: NewClosure, actor: DeskActor, now: string): Statement[] {
  return [
    sql`INSERT INTO appointment_closures (point_id, day, from_clock, to_clock, starts_at, ends_at, reason, reason_text,
        created_by, created_at)
      VALUES (${c.pointId}, ${c.day}, ${c.fromClock}, ${c.toClock}, ${c.startsAt}, ${c.endsAt}, ${c.reason},
        ${c.reasonText}, ${actor.actorId}, ${now})
      RETURNING id`,
    sql`UPDATE appointments SET status = 'cancelled', closure_id = ${THIS_CLOSURE}, version = version + 1,
        updated_at = ${now}
      WHERE point_id = ${c.pointId} AND status = 'booked' AND slot_start < ${c.endsAt} AND slot_end > ${c.startsAt}
        AND slot_start > ${now}
      RETURNING booking_number`,
    sql`INSERT INTO appointment_messages (appointment_id, kind, created_at)
      SELECT id, 'point_closed', ${now} FROM appointments WHERE closure_id = ${THIS_CLOSURE}`,
    sql`INSERT INTO audit_log (actor_id, actor_email, action, target, detail, client_ip, request_id)
      VALUES (${actor.actorId}, ${actor.actorEmail}, 'appointment.point_closed', ${`${c.pointId}/${c.day}`},
        json_object('closureId', ${THIS_CLOSURE}, 'from', ${c.fromClock}, 'to', ${c.toClock}, 'reason', ${c.reason},
          'cancelled', (SELECT count(*) FROM appointments WHERE closure_id = ${THIS_CLOSURE})),
        ${actor.clientIp}, ${actor.requestId})`,
  ];
}

/** Reopens a closure (the bookings it cancelled stay cancelled: their merchants were told), with its audit row. */
export function reopenBatch(id: number, pointId: string, actor: DeskActor, now: string): Statement[] {
  return [
    sql`UPDATE appointment_closures SET cancelled_at = ${now}, cancelled_by = ${actor.actorId}
      WHERE id = ${id} AND point_id = ${pointId} AND cancelled_at IS NULL`,
    auditRow(actor, "appointment.closure_cancelled", `${pointId}/${id}`, sql`json_object('closureId', ${id})`),
  ];
}
