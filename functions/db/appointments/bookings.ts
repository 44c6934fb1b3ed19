import { sql } from "drizzle-orm";
import type { ServiceId } from "../../../src/shared/appointments/points";
import type { Statement } from "../batch";
import type { Db } from "../client";
import { inForce } from "./calendar";
import { noShowStarts } from "./index";

// The merchants' writes, as statements for the batch port: each mutation is one D1 batch, and what
// must hold (a slot's capacity, one active booking per person per service) is refused by the
// database inside the same statements (migrations/0017), never read first by the Worker.

export interface SlotRef {
  pointId: string;
  slotId: string;
  start: string;
  end: string;
  capacity: number;
}

export interface NewAppointment {
  bookingNumber: string;
  manageHash: string;
  service: ServiceId;
  slot: SlotRef;
  name: string;
  phone: string;
  personKey: string;
  shopName: string;
  shopAddress: string;
  licenceNumber: string | null;
  applicationNumber: string | null;
  now: string;
  idempotency: { keyHash: string; requestHash: string; replayCipher: string; createdAt: string };
  /**
   * What the Worker decided on, which the row requires still to hold: the point's saved template
   * (null for none) and the closures of the slot's day [start, end) as it read them (perhaps a while
   * ago), and fewer than `noShowsBelow` no-shows of the person.
   */
  decidedOn: {
    template: { version: number; weekly: string } | null;
    closures: readonly { id: number; startsAt: string; endsAt: string }[];
    day: { start: string; end: string };
    noShowsBelow: number;
  };
}

/**
 * A booking: the row (the capacity trigger and the one-per-person index guard it), its message and
 * the idempotency record. If what the Worker decided on no longer holds (`decidedOn`), the batch
 * writes nothing and the INSERT returns no row.
 */
export function bookBatch(db: Db, a: NewAppointment): Statement[] {
  const d = a.decidedOn;
  const closures = inForce([a.slot.pointId], d.day.start, d.day.end);
  // A closure's id with its period, in id order: what a closure added, cancelled or moved changes.
  const closuresRead = [...d.closures].sort((x, y) => x.id - y.id).map((c) => `${c.id}@${c.startsAt}/${c.endsAt}`);
  return [
    sql`INSERT INTO appointments (booking_number, manage_hash, point_id, service, slot_id, slot_start, slot_end,
        capacity, name, phone, person_key, shop_name, shop_address, licence_number, application_number, status,
        version, created_at, updated_at)
      SELECT ${a.bookingNumber}, ${a.manageHash}, ${a.slot.pointId}, ${a.service}, ${a.slot.slotId}, ${a.slot.start},
        ${a.slot.end}, ${a.slot.capacity}, ${a.name}, ${a.phone}, ${a.personKey}, ${a.shopName}, ${a.shopAddress},
        ${a.licenceNumber}, ${a.applicationNumber}, 'booked', 0, ${a.now}, ${a.now}
      WHERE (SELECT version || ':' || weekly FROM appointment_templates WHERE point_id = ${a.slot.pointId})
          IS ${d.template ? `${d.template.version}:${d.template.weekly}` : null}
        AND (SELECT group_concat(id || '@' || starts_at || '/' || ends_at)
          FROM (SELECT id, starts_at, ends_at FROM appointment_closures WHERE ${closures} ORDER BY id))
          IS ${closuresRead.join(",") || null}
        AND (SELECT count(*) FROM (${noShowStarts(db, a.personKey)})) < ${d.noShowsBelow}
      RETURNING id`,
    sql`INSERT INTO appointment_messages (appointment_id, kind, created_at)
      SELECT id, 'booked', ${a.now} FROM appointments WHERE manage_hash = ${a.manageHash}`,
    sql`INSERT INTO appointment_idempotency_keys (key_hash, request_hash, appointment_id, replay_cipher, created_at)
      SELECT ${a.idempotency.keyHash}, ${a.idempotency.requestHash}, id, ${a.idempotency.replayCipher},
        ${a.idempotency.createdAt}
      FROM appointments WHERE manage_hash = ${a.manageHash}`,
  ];
}

/**
 * Moves a booking to another slot: ONE UPDATE of the one row, so the old place is freed exactly when
 * the new one is taken (the capacity trigger counts the new slot without the row; a full slot fails
 * the batch and the booking stays where it was). Only a booked row whose slot starts at or after
 * `changeableFrom` (now + the cancel cut-off) moves; the version (the calendar's SEQUENCE) goes up.
 */
export function rescheduleBatch(manageHash: string, to: SlotRef, changeableFrom: string, now: string): Statement[] {
  return [
    // A booking a staff closure cancelled (closure_id) may be moved too, back to booked: the
    // merchant picks a new time; the capacity and closed-period triggers check the new slot.
    sql`UPDATE appointments SET point_id = ${to.pointId}, slot_id = ${to.slotId}, slot_start = ${to.start},
        slot_end = ${to.end}, capacity = ${to.capacity}, status = 'booked', closure_id = NULL,
        version = version + 1, updated_at = ${now}
      WHERE manage_hash = ${manageHash}
        AND ((status = 'booked' AND slot_start >= ${changeableFrom}) OR (status = 'cancelled' AND closure_id IS NOT NULL))
        AND slot_id <> ${to.slotId}
      RETURNING version`,
    sql`INSERT INTO appointment_messages (appointment_id, kind, created_at)
      SELECT id, 'rescheduled', ${now} FROM appointments WHERE manage_hash = ${manageHash} AND changes() = 1`,
  ];
}

/**
 * Cancels a booking before its start: late (`late_cancelled`, which staff see) when its slot starts
 * before `lateBefore` (now + the cut-off). The version goes up, so the calendar's CANCEL replaces the event.
 */
export function cancelBatch(manageHash: string, lateBefore: string, now: string): Statement[] {
  return [
    sql`UPDATE appointments SET status = CASE WHEN slot_start < ${lateBefore} THEN 'late_cancelled' ELSE 'cancelled' END,
        version = version + 1, updated_at = ${now}
      WHERE manage_hash = ${manageHash} AND status = 'booked' AND slot_start > ${now}
      RETURNING status`,
    sql`INSERT INTO appointment_messages (appointment_id, kind, created_at)
      SELECT id, 'cancelled', ${now} FROM appointments WHERE manage_hash = ${manageHash} AND changes() = 1`,
  ];
}
