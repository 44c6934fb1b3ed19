import { and, eq, sql } from "drizzle-orm";
import type { AuditAction } from "../../../src/shared/staff/audit-actions";
import type { Statement } from "../batch";
import type { Db } from "../client";
import { appointments } from "../schema";
import type { SlotRef } from "./bookings";

// The desk's writes, as statements for the batch port: each step is ONE conditional UPDATE of one
// row of the point (the status the step starts from is in its WHERE, so two tablets tapping at once
// change it once) and its audit row, which `changes() = 1` chains to the UPDATE: a step that changed
// nothing writes no audit row either. A place is the capacity triggers' to refuse (migrations/0018).

/** One booking of a point (another point's id is not found). */
export function deskRow(db: Db, pointId: string, id: number) {
  return db
    .select()
    .from(appointments)
    .where(and(eq(appointments.id, id), eq(appointments.pointId, pointId)));
}

export interface DeskActor {
  actorId: number;
  actorEmail: string;
  clientIp: string | null;
  requestId: string | null;
}

/** The audit row of a desk step, written only when the statement just before it changed a row. */
export function deskAudit(a: DeskActor, action: AuditAction, target: string, detail: Record<string, unknown>) {
  return sql`INSERT INTO audit_log (actor_id, actor_email, action, target, detail, client_ip, request_id)
    SELECT ${a.actorId}, ${a.actorEmail}, ${action}, ${target}, ${JSON.stringify(detail)}, ${a.clientIp}, ${a.requestId}
    WHERE changes() = 1`;
}

/** Checked in on arrival: booked → attended (the place stays held: attended counts as taken). */
export const checkIn = (pointId: string, id: number, by: number, now: string): Statement =>
  sql`UPDATE appointments SET status = 'attended', checked_in_at = ${now}, checked_in_by = ${by}, updated_at = ${now}
    WHERE id = ${id} AND point_id = ${pointId} AND status = 'booked'`;

/** Did not come: booked → no_show, only once the slot has started (the no-show rule counts these rows). */
export const markNoShow = (pointId: string, id: number, now: string): Statement =>
  sql`UPDATE appointments SET status = 'no_show', updated_at = ${now}
    WHERE id = ${id} AND point_id = ${pointId} AND status = 'booked' AND slot_start <= ${now}`;

/**
 * Undoes a check-in or a no-show back to booked (the capacity trigger re-checks a no-show's place,
 * which a walk-in may have taken meanwhile; the one-active-booking index re-checks the person). A
 * walk-in has no booking to go back to: undoing its check-in cancels it and frees the place.
 */
export const undoStep = (pointId: string, id: number, from: "attended" | "no_show", now: string): Statement =>
  sql`UPDATE appointments SET status = CASE WHEN walk_in = 1 THEN 'cancelled' ELSE 'booked' END,
      checked_in_at = NULL, checked_in_by = NULL, updated_at = ${now}
    WHERE id = ${id} AND point_id = ${pointId} AND status = ${from}`;

/** The desk's note, only over the note the tablet saw (`IS` matches a NULL seen as NULL). */
export const setNote = (pointId: string, id: number, note: string | null, previous: string | null, now: string) =>
  sql`UPDATE appointments SET desk_note = ${note}, updated_at = ${now}
    WHERE id = ${id} AND point_id = ${pointId} AND desk_note IS ${previous}`;

export interface NewWalkIn {
  bookingNumber: string;
  manageHash: string;
  service: "consultation" | "intake";
  slot: SlotRef;
  name: string;
  phone: string;
  personKey: string;
  shopName: string;
  shopAddress: string;
  note: string | null;
  by: number;
  now: string;
}

/** A walk-in, checked in as it is written (status attended, walk_in = 1): the capacity trigger refuses a full slot. */
export const insertWalkIn = (w: NewWalkIn): Statement =>
  sql`INSERT INTO appointments (booking_number, manage_hash, point_id, service, slot_id, slot_start, slot_end,
      capacity, name, phone, person_key, shop_name, shop_address, status, checked_in_at, checked_in_by, walk_in,
      desk_note, version, created_at, updated_at)
    VALUES (${w.bookingNumber}, ${w.manageHash}, ${w.slot.pointId}, ${w.service}, ${w.slot.slotId}, ${w.slot.start},
      ${w.slot.end}, ${w.slot.capacity}, ${w.name}, ${w.phone}, ${w.personKey}, ${w.shopName}, ${w.shopAddress},
      'attended', ${w.now}, ${w.by}, 1, ${w.note}, 0, ${w.now}, ${w.now})`;

export const rowByBookingNumber = (db: Db, bookingNumber: string) =>
  db.select().from(appointments).where(eq(appointments.bookingNumber, bookingNumber));
