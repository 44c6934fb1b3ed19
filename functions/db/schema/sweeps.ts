import { sql } from "drizzle-orm";
import {
  type AnySQLiteColumn,
  check,
  index,
  integer,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import {
  ATTENDANCE,
  MESSAGE_KINDS,
  MESSAGE_RECIPIENTS,
  SIGNUP_STATUSES,
  SWEEP_STATES,
  TARGET_KINDS,
} from "../../../src/shared/sweeps/wire";

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
    /** SHA-256 of the leader link's secret: the sweep's leader checks people in without a staff account. */
    leaderHash: text().unique(),
    /** Staff approved the sweep's hours (after which they change only by an audited correction). */
    hoursApprovedAt: text(),
    hoursApprovedBy: integer(),
    createdAt: text().notNull(),
    updatedAt: text().notNull(),
    // The sign-ups' tallies, kept by migrations/0022's triggers on sweep_signups (nothing else writes
    // them): the list and the year-long coverage read 5,000 rows instead of counting 100,000.
    confirmedCount: integer().notNull().default(0),
    offeredCount: integer().notNull().default(0),
    waitlistedCount: integer().notNull().default(0),
    /** Places held for a guardian's consent or a group member's details. */
    heldCount: integer().notNull().default(0),
    /** Confirmed and attended (hours count only for those), and their minutes. */
    attendedCount: integer().notNull().default(0),
    attendedMinutes: integer().notNull().default(0),
  },
  (t) => [
    check("sweeps_open_insured", sql`${t.state} <> 'open' OR ${t.insuranceRef} <> ''`),
    check("sweeps_capacity", sql`${t.capacity} > 0 AND ${t.waitlistLimit} >= 0`),
    check("sweeps_times", sql`${t.endsAt} > ${t.startsAt}`),
    // The public list: upcoming open sweeps by start. The columns after the start make it cover the
    // coverage's tallies (functions/db/sweeps/figures.ts): a year of 5,000 sweeps is read from the
    // index alone (SQLite, 14 → 6 ms on the bench's data).
    index("sweeps_state_starts_idx").on(
      t.state,
      t.startsAt,
      t.communityId,
      t.capacity,
      t.endsAt,
      t.confirmedCount,
      t.offeredCount,
      t.heldCount,
      t.attendedCount,
      t.attendedMinutes,
    ),
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
    /** 1 when under 18 on the sweep's day: never `confirmed` without `consentedAt` (a trigger). */
    minor: integer().notNull().default(0),
    guardianName: text(),
    guardianPhone: text(),
    /** SHA-256 of the guardian's consent link secret (their own link, not the volunteer's). */
    guardianHash: text(),
    consentedAt: text(),
    /** Until when a `pending_consent` or `reserved` place is held; the cron releases it after. */
    heldUntil: text(),
    /** A member of a group signed up by one contact (a class); null for a person alone. */
    groupId: integer().references((): AnySQLiteColumn => sweepGroups.id),
    /** 1 for a walk-in the leader added on the day onto a free place. */
    walkIn: integer().notNull().default(0),
    checkedInAt: text(),
    checkedOutAt: text(),
    attendance: text({ enum: ATTENDANCE }),
    /** Service minutes recorded at check-out (clipped, rounded by HOURS_ROUNDING); corrections audited. */
    minutes: integer(),
    /** Contact details removed by the retention cron (name, phone, guardian); counts and hours stay. */
    anonymisedAt: text(),
    createdAt: text().notNull(),
    updatedAt: text().notNull(),
  },
  (t) => [
    // One sign-up per person per sweep, and a person's sign-ups (the overlap check, no-shows, hours):
    // one index serves both, person first, so a sign-up writes one entry for them, not two.
    uniqueIndex("sweep_signups_person_idx").on(t.personKey, t.sweepId),
    // Counts per status and the waitlist in arrival order.
    index("sweep_signups_status_idx").on(t.sweepId, t.status, t.id),
    // Offers the cron expires.
    index("sweep_signups_offered_idx").on(t.offeredUntil).where(sql`${t.status} = 'offered'`),
    // Holds (consent, group details) the cron releases.
    index("sweep_signups_held_idx").on(t.heldUntil).where(sql`${t.status} IN ('pending_consent', 'reserved')`),
    // Most sign-ups have no guardian and no group: the indexes hold only the rows that do, so a
    // sign-up does not write an entry (a page at commit) to each for a NULL nobody looks up.
    uniqueIndex("sweep_signups_guardianHash_unique").on(t.guardianHash).where(sql`${t.guardianHash} IS NOT NULL`),
    index("sweep_signups_group_idx").on(t.groupId).where(sql`${t.groupId} IS NOT NULL`),
    // Contacts the retention cron has not anonymised yet.
    index("sweep_signups_retention_idx").on(t.updatedAt).where(sql`${t.anonymisedAt} IS NULL`),
  ],
);

/**
 * A group signed up by one contact (a teacher for a class): its `size` places are taken all or
 * nothing as member rows (`reserved` until each member's details are completed through the group's
 * link, by `completeBy`).
 */
export const sweepGroups = sqliteTable(
  "sweep_groups",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    sweepId: text()
      .notNull()
      .references(() => sweeps.id),
    /** SHA-256 of the group link's secret. */
    manageHash: text().notNull().unique(),
    contactName: text().notNull(),
    contactPhone: text().notNull(),
    organisation: text().notNull(),
    size: integer().notNull(),
    completeBy: text().notNull(),
    cancelledAt: text(),
    anonymisedAt: text(),
    createdAt: text().notNull(),
    updatedAt: text().notNull(),
  },
  (t) => [check("sweep_groups_size", sql`${t.size} > 0`), index("sweep_groups_sweep_idx").on(t.sweepId)],
);

/**
 * A community's target for a period: places signed up or volunteer-hours attended. Without one, the
 * communities are held to an equal share. Coverage is what is signed up (later attended) ÷ target.
 */
export const sweepTargets = sqliteTable(
  "sweep_targets",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    communityId: text().notNull(),
    /** China-time days, inclusive start and exclusive end. */
    periodStart: text().notNull(),
    periodEnd: text().notNull(),
    kind: text({ enum: TARGET_KINDS }).notNull(),
    target: real().notNull(),
    createdAt: text().notNull(),
    updatedAt: text().notNull(),
  },
  (t) => [
    check("sweep_targets_positive", sql`${t.target} > 0 AND ${t.periodEnd} > ${t.periodStart}`),
    uniqueIndex("sweep_targets_period_idx").on(t.communityId, t.periodStart, t.periodEnd),
  ],
);

/**
 * A certificate (志愿服务记录证明): what it says is frozen in `payload` (canonical JSON) and signed
 * by the Worker (`signature`, HMAC-SHA-256); `checkCode` is printed beside the number, so a school
 * verifies with both. A changed row or printout does not verify; staff revoke, never delete.
 */
export const sweepCertificates = sqliteTable(
  "sweep_certificates",
  {
    number: text().primaryKey(),
    personKey: text().notNull(),
    checkCode: text().notNull(),
    payload: text().notNull(),
    signature: text().notNull(),
    issuedAt: text().notNull(),
    issuedBy: integer(),
    revokedAt: text(),
    revokedBy: integer(),
    revokeReason: text(),
  },
  (t) => [index("sweep_certificates_person_idx").on(t.personKey, t.issuedAt)],
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
    recipient: text({ enum: MESSAGE_RECIPIENTS }).notNull().default("volunteer"),
    createdAt: text().notNull(),
    sentAt: text(),
    /** Delivery attempts by the sender port (a webhook); after the limit the message stays on the manage page only. */
    attempts: integer().notNull().default(0),
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
