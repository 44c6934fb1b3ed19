import { and, asc, count, eq, gte, inArray, lt, type Placeholder, sql } from "drizzle-orm";
import type { ServiceId } from "../../../src/shared/appointments/points";
import { TAKEN_APPOINTMENT_STATUSES } from "../../../src/shared/appointments/wire";
import type { Db } from "../client";
import { prepared } from "../prepared";
import { appointmentIdempotencyKeys, appointmentMessages, appointments } from "../schema";

// Reads of the appointments feature, as drizzle builders (callers run them; the query-plan test can
// read their SQL). Writes are in bookings.ts, statements for the batch port.

export type Appointment = typeof appointments.$inferSelect;

const TAKEN = sql`${appointments.status} IN (${sql.raw(TAKEN_APPOINTMENT_STATUSES.map((s) => `'${s}'`).join(", "))})`;

/**
 * Places taken per slot of the given points' service with a start in [start, end): one GROUP BY
 * over the partial index of taken rows (booked or checked in), whatever the number of slots listed.
 * The statuses are written out, not bound, so SQLite can see the query implies the index's WHERE.
 */
export function bookedPerSlot(
  db: Db,
  pointIds: readonly string[],
  service: ServiceId | Placeholder,
  start: string | Placeholder,
  end: string | Placeholder,
) {
  return db
    .select({ slotId: appointments.slotId, booked: count() })
    .from(appointments)
    .where(
      and(
        inArray(appointments.pointId, [...pointIds]),
        eq(appointments.service, service),
        gte(appointments.slotStart, start),
        lt(appointments.slotStart, end),
        TAKEN,
      ),
    )
    .groupBy(appointments.slotId);
}

export function appointmentByManageHash(db: Db, manageHash: string) {
  return db.select().from(appointments).where(eq(appointments.manageHash, manageHash));
}

export function appointmentMessagesOf(db: Db, appointmentId: number) {
  return db
    .select({ kind: appointmentMessages.kind, createdAt: appointmentMessages.createdAt })
    .from(appointmentMessages)
    .where(eq(appointmentMessages.appointmentId, appointmentId))
    .orderBy(asc(appointmentMessages.id));
}

export function findAppointmentIdempotency(db: Db, keyHash: string) {
  return db.select().from(appointmentIdempotencyKeys).where(eq(appointmentIdempotencyKeys.keyHash, keyHash));
}

/** The starts of a person's no-shows, for the no-show rule. */
export function noShowStarts(db: Db, personKey: string | Placeholder) {
  return db
    .select({ slotStart: appointments.slotStart })
    .from(appointments)
    .where(and(eq(appointments.personKey, personKey), eq(appointments.status, "no_show")));
}

/** `noShowStarts` compiled once, for a booking: `.all({ personKey })`. */
export const noShowsOf = prepared((db) => noShowStarts(db, sql.placeholder("personKey")));

/** The desk's day: a point's bookings starting in [start, end), in order. */
export function pointDay(db: Db, pointId: string, start: string, end: string) {
  return db
    .select()
    .from(appointments)
    .where(and(eq(appointments.pointId, pointId), gte(appointments.slotStart, start), lt(appointments.slotStart, end)))
    .orderBy(asc(appointments.slotStart), asc(appointments.id));
}
