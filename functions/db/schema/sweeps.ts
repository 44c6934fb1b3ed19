import { sql } from "drizzle-orm";
import { check, index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { MESSAGE_KINDS, SIGNUP_STATUSES, SWEEP_STATES } from "../../../src/shared/sweeps/wire";

// Volunteer sweeps. What must never happen is the database's to refuse (migrations/0015's triggers):
// more confirmed and offered places than the capacity, a waitlist past its limit, a sign-up to a
// sweep that is not open, one person in two overlapping sweeps, a stale staff edit.

/** A street-cleaning sweep (志愿清扫): public except its version; never holds a volunteer's data. */
export const sweeps = sqliteTable(
  "sweeps",
  {
    /** Public id: 10 lowercase letters and digits, random (not guessable as a sequence). */
    id: text().primaryKey(),
    title: text().notNull(),
    communityId: text().notNull(),
    startsAt: text().notNull(),
    endsAt: text().notNull(),
    meetingPoint: text().notNull(),
    /** The meeting place's published point: a public place, so not coarsened. */
    lat: real().notNull(),
    lng: real().notNull(),
    capacity: integer().notNull(),
    waitlistLimit: integer().notNull(),
    minAge: integer().notNull(),
    guardianPresentBelow: integer(),
    organiser: text().notNull(),
    leaderContact: text().notNull(),
    whatToBring: text().notNull().default(""),
    /** Accident insurance (志愿服务条例 art. 17): an open sweep has one. */
    insuranceRef: text().notNull().default(""),
    state: text({ enum: SWEEP_STATES }).notNull(),
    cancelCutoffAt: text().notNull(),
    cancelReason: text(),
    cancelledAt: text(),
    version: integer().notNull().default(1),
    createdAt: text().notNull(),
    updatedAt: text().notNull(),
  },
  (t) => [
    check("sweeps_open_insured", sql`${t.state} <> 'open' OR ${t.insuranceRef} <> ''`),
    check("sweeps_capacity", sql`${t.capacity} > 0 AND ${t.waitlistLimit} >= 0`),
    check("sweeps_times", sql`${t.endsAt} > ${t.startsAt}`),
    // The public list: upcoming open sweeps by start.
    index("sweeps_state_starts_idx").on(t.state, t.startsAt),
  ],
);

/**
 * One person's sign-up to one sweep. `personKey` is a hash of the normalised phone, so "one per person
 * per sweep" is a UNIQUE constraint and the overlap check finds the person's other sweeps.
 * Arrival order (the waitlist's) is `id`.
 */
export const sweepSignups = sqliteTable(
  "sweep_signups",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    sweepId: text()
      .notNull()
      .references(() => sweeps.id),
    /** SHA-256 of the 128-bit manage secret; the secret itself is never stored. */
    manageHash: text().notNull().unique(),
    personKey: text().notNull(),
    name: text().notNull(),
    phone: text().notNull(),
    organisation: text().notNull(),
    birthMonth: text().notNull(),
    volunteerNumber: text(),
    status: text({ enum: SIGNUP_STATUSES }).notNull(),
    /** When the current offer was made (identifies the rows one batch offered) and until when it holds. */
    offeredAt: text(),
    offeredUntil: text(),
    createdAt: text().notNull(),
    updatedAt: text().notNull(),
  },
  (t) => [
    uniqueIndex("sweep_signups_person_idx").on(t.sweepId, t.personKey),
    // Counts per status and the waitlist in arrival order.
    index("sweep_signups_status_idx").on(t.sweepId, t.status, t.id),
    // A person's other sign-ups, for the overlap check.
    index("sweep_signups_person_key_idx").on(t.personKey),
    // Offers the cron expires.
    index("sweep_signups_offered_idx").on(t.offeredUntil).where(sql`${t.status} = 'offered'`),
  ],
);

/** The outbox: one row per message to a person, written in the batch that causes it; a sender sets sent_at. */
export const sweepMessages = sqliteTable(
  "sweep_messages",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    signupId: integer()
      .notNull()
      .references(() => sweepSignups.id),
    kind: text({ enum: MESSAGE_KINDS }).notNull(),
    createdAt: text().notNull(),
    sentAt: text(),
  },
  (t) => [
    index("sweep_messages_signup_idx").on(t.signupId, t.id),
    index("sweep_messages_unsent_idx").on(t.id).where(sql`${t.sentAt} IS NULL`),
  ],
);

/** Sign-ups by Idempotency-Key (hashed), as complaints' `idempotency_keys`. */
export const sweepIdempotencyKeys = sqliteTable("sweep_idempotency_keys", {
  keyHash: text().primaryKey(),
  requestHash: text().notNull(),
  signupId: integer()
    .notNull()
    .references(() => sweepSignups.id),
  replayCipher: text().notNull(),
  createdAt: text().notNull(),
});
