import { sql } from "drizzle-orm";
import { SERVICE_IDS } from "../../../src/shared/appointments/points";
import type { Statement } from "../batch";
import { idList } from "../outbox";

// The appointments' outbox statements, the sweeps' design (functions/db/sweeps/outbox.ts) over
// appointment_messages: what the sender takes (its marks are functions/db/outbox.ts's) and the
// day-before reminders. Messages are written by the batches that cause them (bookings.ts); nothing
// here sends anything.

export interface AppointmentOutboxRow {
  id: number;
  kind: string;
  phone: string;
  bookingNumber: string;
  pointId: string;
  service: string;
  slotStart: string;
  shopAddress: string;
}

/** The sender's next messages, oldest first: not sent, under the attempt limit, written since `since`. */
export function unsentAppointmentMessages(since: string, maxAttempts: number, limit: number): Statement {
  return sql`SELECT m.id, m.kind, a.phone, a.booking_number AS bookingNumber, a.point_id AS pointId, a.service,
      a.slot_start AS slotStart, a.shop_address AS shopAddress
    FROM appointment_messages m JOIN appointments a ON a.id = m.appointment_id
    WHERE m.sent_at IS NULL AND m.attempts < ${maxAttempts} AND m.created_at >= ${since}
    ORDER BY m.id LIMIT ${limit}`;
}

/**
 * One reminder per booking starting in [from, to), never twice (safe to run every quarter hour).
 * Points and services are listed so the partial index of taken rows (point, service, start) finds
 * the day's bookings (the IN term is the index's own WHERE, which SQLite must see to use it); only
 * those still booked are reminded.
 */
export function appointmentRemindersStatement(
  pointIds: readonly string[],
  from: string,
  to: string,
  now: string,
): Statement {
  return sql`INSERT INTO appointment_messages (appointment_id, kind, created_at)
    SELECT a.id, 'reminder', ${now} FROM appointments a
    WHERE a.point_id IN (${idList(pointIds)}) AND a.service IN (${idList(SERVICE_IDS)})
      AND a.status IN ('booked', 'attended') AND a.status = 'booked' AND a.slot_start >= ${from} AND a.slot_start < ${to}
      AND NOT EXISTS (SELECT 1 FROM appointment_messages r WHERE r.appointment_id = a.id AND r.kind = 'reminder')`;
}
