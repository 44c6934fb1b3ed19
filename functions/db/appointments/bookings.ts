import { sql } from "drizzle-orm";
import type { ServiceId } from "../../../src/shared/appointments/points";
import { compiledOnce, type Statement } from "../batch";
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

/** The values of a booking's statements, by placeholder name: the booking's own, and these. */
type BookingValues = Omit<NewAppointment, "slot" | "idempotency" | "decidedOn"> &
  Omit<SlotRef, "start" | "end"> &
  NewAppointment["idempotency"] & {
    slotStart: string;
    slotEnd: string;
    template: string | null;
    closures: string | null;
    dayStart: string;
    dayEnd: string;
    noShowsBelow: number;
  };

const v = (name: keyof BookingValues) => sql.placeholder(name);

/**
 * A booking's three statements, compiled once (`compiledOnce`): the row (the capacity trigger and
 * the one-per-person index guard it), written only while what the Worker decided on still holds
 * (the point's template and the day's closures as it read them, the no-shows), returning its id;
 * its message; the idempotency record.
 */
const bookingStatements = compiledOnce<BookingValues, Db>((db) => [
  sql`INSERT INTO appointments (booking_number, manage_hash, point_id, service, slot_id, slot_start, slot_end,
      capacity, name, phone, person_key, shop_name, shop_address, licence_number, application_number, status,
      version, created_at, updated_at)
    SELECT ${v("bookingNumber")}, ${v("manageHash")}, ${v("pointId")}, ${v("service")}, ${v("slotId")},
      ${v("slotStart")}, ${v("slotEnd")}, ${v("capacity")}, ${v("name")}, ${v("phone")}, ${v("personKey")},
      ${v("shopName")}, ${v("shopAddress")}, ${v("licenceNumber")}, ${v("applicationNumber")}, 'booked', 0,
      ${v("now")}, ${v("now")}
    WHERE (SELECT version || ':' || weekly FROM appointment_templates WHERE point_id = ${v("pointId")}) IS ${v("template")}
      AND (SELECT group_concat(id || '@' || starts_at || '/' || ends_at)
        FROM (SELECT id, starts_at, ends_at FROM appointment_closures
          WHERE ${inForce([v("pointId")], v("dayStart"), v("dayEnd"))} ORDER BY id))
        IS ${v("closures")}
      AND (SELECT count(*) FROM (${noShowStarts(db, v("personKey"))})) < ${v("noShowsBelow")}
    RETURNING id`,
  sql`INSERT INTO appointment_messages (appointment_id, kind, created_at)
    SELECT id, 'booked', ${v("now")} FROM appointments WHERE manage_hash = ${v("manageHash")}`,
  sql`INSERT INTO appointment_idempotency_keys (key_hash, request_hash, appointment_id, replay_cipher, created_at)
    SELECT ${v("keyHash")}, ${v("requestHash")}, id, ${v("replayCipher")}, ${v("createdAt")}
    FROM appointments WHERE manage_hash = ${v("manageHash")}`,
]);

/**
 * A booking as one batch (`bookingStatements`). If what the Worker decided on no longer holds
 * (`decidedOn`), the batch writes nothing and the INSERT returns no row.
 */
export function bookBatch(db: Db, a: NewAppointment): Statement[] {
  const d = a.decidedOn;
  // A closure's id with its period, in id order: what a closure added, cancelled or moved changes.
  const closuresRead = [...d.closures].sort((x, y) => x.id - y.id).map((c) => `${c.id}@${c.startsAt}/${c.endsAt}`);
  return bookingStatements(db, {
    ...a,
    ...a.slot,
    ...a.idempotency,
    slotStart: a.slot.start,
    slotEnd: a.slot.end,
    template: d.template ? `${d.template.version}:${d.template.weekly}` : null,
    closures: closuresRead.join(",") || null,
    dayStart: d.day.start,
    dayEnd: d.day.end,
    noShowsBelow: d.noShowsBelow,
  });
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
