import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { SERVICE_IDS } from "../../../src/shared/appointments/points";
import { APPOINTMENT_MESSAGE_KINDS, APPOINTMENT_STATUSES } from "../../../src/shared/appointments/wire";

// Service-point appointments. Slots are derived from the content data (src/shared/appointments/
// slots.ts), never stored as rows of their own: a booking carries its slot's id, times and the
// capacity the data gave that slot when it was booked, and migrations/0017's triggers refuse a
// booked row whose slot already holds that many booked rows. D1 runs each batch as one transaction,
// one at a time, so the count the trigger reads is never stale: "never more than capacity" is the
// database's guarantee, however many requests arrive together.

/** One merchant's booking of one slot. */
export const appointments = sqliteTable(
  "appointments",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    /** Public booking number (YY + 8 base32), said on the phone and printed on the confirmation. */
    bookingNumber: text().notNull().unique(),
    /** SHA-256 of the 128-bit manage secret; the secret itself is never stored. */
    manageHash: text().notNull().unique(),
    pointId: text().notNull(),
    service: text({ enum: SERVICE_IDS }).notNull(),
    /** "linhe:intake:2026-12-08T09:00+08:00": the slot's stable id (point, service, China-time start). */
    slotId: text().notNull(),
    slotStart: text().notNull(),
    slotEnd: text().notNull(),
    /** The slot's places when booked (desks, or the teams' visits): what the capacity trigger compares with. */
    capacity: integer().notNull(),
    name: text().notNull(),
    phone: text().notNull(),
    /** SHA-256 of the normalised phone: one active booking per person per service is a unique index. */
    personKey: text().notNull(),
    shopName: text().notNull(),
    shopAddress: text().notNull(),
    licenceNumber: text(),
    /** For an inspection: the application it is for. */
    applicationNumber: text(),
    status: text({ enum: APPOINTMENT_STATUSES }).notNull(),
    /** The desk's check-in on arrival (status `attended`), by whom; a walk-in is checked in as it is written. */
    checkedInAt: text(),
    checkedInBy: integer(),
    /** 1 for a walk-in the desk put onto a free slot (no manage link is sent; the desk prints the number). */
    walkIn: integer({ mode: "boolean" }).notNull().default(false),
    /** The desk's note on the visit (staff only, never shown to the public). */
    deskNote: text(),
    /**
     * The staff closure that cancelled this booking (status `cancelled`, not the merchant's own
     * cancel: no late cancel, nothing the no-show rule counts); the merchant may pick a new slot.
     */
    closureId: integer(),
    /** The calendar file's SEQUENCE: each reschedule raises it. */
    version: integer().notNull().default(0),
    createdAt: text().notNull(),
    updatedAt: text().notNull(),
  },
  (t) => [
    check("appointments_capacity", sql`${t.capacity} > 0`),
    check("appointments_times", sql`${t.slotEnd} > ${t.slotStart}`),
    // One active booking per person per service type (a person may hold an intake and an inspection).
    uniqueIndex("appointments_person_active_idx").on(t.personKey, t.service).where(sql`${t.status} = 'booked'`),
    // The capacity trigger's count and the free-slot count: the rows that hold a place (booked, or
    // checked in at the desk: TAKEN_APPOINTMENT_STATUSES) of a point's service in a period.
    index("appointments_slot_taken_idx")
      .on(t.pointId, t.service, t.slotStart, t.slotId)
      .where(sql`${t.status} IN ('booked', 'attended')`),
    // The desk's day view: a point's bookings of a day in order, whatever their status.
    index("appointments_day_idx").on(t.pointId, t.slotStart),
    // The no-show rule: a person's no-shows.
    index("appointments_person_idx").on(t.personKey, t.status),
  ],
);

/** The outbox (the sweeps' design): one row per message, written in the batch that causes it; a sender sets sent_at. */
export const appointmentMessages = sqliteTable(
  "appointment_messages",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    appointmentId: integer()
      .notNull()
      .references(() => appointments.id),
    kind: text({ enum: APPOINTMENT_MESSAGE_KINDS }).notNull(),
    createdAt: text().notNull(),
    sentAt: text(),
    attempts: integer().notNull().default(0),
  },
  (t) => [
    index("appointment_messages_appointment_idx").on(t.appointmentId, t.id),
    index("appointment_messages_unsent_idx").on(t.id).where(sql`${t.sentAt} IS NULL`),
  ],
);

/** Bookings by Idempotency-Key (hashed), as the sweeps' and complaints' keys. */
export const appointmentIdempotencyKeys = sqliteTable("appointment_idempotency_keys", {
  keyHash: text().primaryKey(),
  requestHash: text().notNull(),
  appointmentId: integer()
    .notNull()
    .references(() => appointments.id),
  replayCipher: text().notNull(),
  createdAt: text().notNull(),
});
