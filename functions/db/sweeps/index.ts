import { and, asc, desc, eq, gte, lt, ne, type Placeholder, type SQLWrapper, sql } from "drizzle-orm";
import type { Db } from "../client";
import { prepared } from "../prepared";
import { sweepIdempotencyKeys, sweepMessages, sweepSignups, sweeps } from "../schema";

// Reads of the sweeps feature, as drizzle builders (callers run them; the query-plan test can read
// their SQL). Writes are in signups.ts (public, through the batch port) and staff.ts.

export type Sweep = typeof sweeps.$inferSelect;
export type SweepSignup = typeof sweepSignups.$inferSelect;

/**
 * A sweep's counts: the tallies migrations/0022's triggers keep on the row (no sign-up is read).
 * Named apart from the row's own columns: D1 answers a batch with rows keyed by column name, and
 * `sweep` already holds a `confirmed_count`, so a second one would be lost.
 */
const tally = (column: SQLWrapper, name: string) => sql<number>`${column}`.as(name);
const counts = {
  confirmed: tally(sweeps.confirmedCount, "confirmed"),
  offered: tally(sweeps.offeredCount, "offered"),
  waitlisted: tally(sweeps.waitlistedCount, "waitlisted"),
  /** Places held for a guardian's consent or a group member's details: taken, not yet confirmed. */
  held: tally(sweeps.heldCount, "held"),
};
export type SweepCounts = { confirmed: number; offered: number; waitlisted: number; held: number };
export type SweepWithCounts = { sweep: Sweep } & SweepCounts;

const withCounts = (db: Db) => db.select({ sweep: sweeps, ...counts }).from(sweeps);

/**
 * The columns anyone may see (functions/lib/sweeps/view.ts `publicSweep`): what the public list and
 * a sign-up read. A public read does not fetch the leader's hash or the staff's fields, and every
 * column it leaves out is one D1 and drizzle do not convert for each of the list's rows.
 */
const publicColumns = {
  id: sweeps.id,
  title: sweeps.title,
  communityId: sweeps.communityId,
  startsAt: sweeps.startsAt,
  endsAt: sweeps.endsAt,
  meetingPoint: sweeps.meetingPoint,
  lat: sweeps.lat,
  lng: sweeps.lng,
  capacity: sweeps.capacity,
  waitlistLimit: sweeps.waitlistLimit,
  minAge: sweeps.minAge,
  guardianPresentBelow: sweeps.guardianPresentBelow,
  organiser: sweeps.organiser,
  leaderContact: sweeps.leaderContact,
  whatToBring: sweeps.whatToBring,
  insuranceRef: sweeps.insuranceRef,
  cancelCutoffAt: sweeps.cancelCutoffAt,
  state: sweeps.state,
  version: sweeps.version,
};
export type PublicSweepRow = Pick<Sweep, keyof typeof publicColumns>;
export type PublicSweepWithCounts = { sweep: PublicSweepRow } & SweepCounts;

const publicWithCounts = (db: Db) => db.select({ sweep: publicColumns, ...counts }).from(sweeps);

/** Open sweeps starting in [start, end), by start: the public list's rows (filtered further in the Worker). */
export function openSweepsBetween(db: Db, start: string | Placeholder, end: string | Placeholder) {
  return publicWithCounts(db)
    .where(and(eq(sweeps.state, "open"), gte(sweeps.startsAt, start), lt(sweeps.startsAt, end)))
    .orderBy(asc(sweeps.startsAt))
    .limit(2000);
}

/** `openSweepsBetween` compiled once: the public list's read, `.all({ start, end })`. */
export const openSweeps = prepared((db) => openSweepsBetween(db, sql.placeholder("start"), sql.placeholder("end")));

export function sweepById(db: Db, id: string) {
  return withCounts(db).where(eq(sweeps.id, id));
}

/** A sweep's public columns and counts: the public page of a sweep and a sign-up. */
export function publicSweepById(db: Db, id: string | Placeholder) {
  return publicWithCounts(db).where(eq(sweeps.id, id));
}

/** `publicSweepById` compiled once, for a sign-up: `.all({ id })`. */
export const publicSweepOf = prepared((db) => publicSweepById(db, sql.placeholder("id")));

/** Staff: sweeps starting from `since`, all states, by start. */
export function staffSweeps(db: Db, since: string) {
  return withCounts(db).where(gte(sweeps.startsAt, since)).orderBy(asc(sweeps.startsAt)).limit(1000);
}

/** The sign-up a manage secret opens, with its place on the waitlist (1-based) while waiting. */
export function signupByManageHash(db: Db, manageHash: string) {
  return db
    .select({
      signup: sweepSignups,
      position: sql<number>`(SELECT count(*) FROM sweep_signups w WHERE w.sweep_id = sweep_signups.sweep_id
        AND w.status = 'waitlisted' AND w.id <= sweep_signups.id)`,
    })
    .from(sweepSignups)
    .where(eq(sweepSignups.manageHash, manageHash));
}

/** A sign-up's messages, newest first; a group's messages to its contact live on its first row and stay on the group's page. */
export function messagesOf(db: Db, signupId: number) {
  return db
    .select()
    .from(sweepMessages)
    .where(and(eq(sweepMessages.signupId, signupId), ne(sweepMessages.recipient, "group")))
    .orderBy(desc(sweepMessages.id));
}

/** A sweep's sign-ups in arrival order, with each waiting person's place on the waitlist. */
export function rosterOf(db: Db, sweepId: string) {
  return db
    .select({
      signup: sweepSignups,
      position: sql<number>`(SELECT count(*) FROM sweep_signups w WHERE w.sweep_id = sweep_signups.sweep_id
        AND w.status = 'waitlisted' AND w.id <= sweep_signups.id)`,
    })
    .from(sweepSignups)
    .where(eq(sweepSignups.sweepId, sweepId))
    .orderBy(asc(sweepSignups.id));
}

/** The idempotency record of a sign-up, with its sweep: what a retry is compared with and answered from. */
export function findSweepIdempotency(db: Db, keyHash: string) {
  return db
    .select({
      requestHash: sweepIdempotencyKeys.requestHash,
      replayCipher: sweepIdempotencyKeys.replayCipher,
      createdAt: sweepIdempotencyKeys.createdAt,
      sweepId: sweepSignups.sweepId,
    })
    .from(sweepIdempotencyKeys)
    .innerJoin(sweepSignups, eq(sweepSignups.id, sweepIdempotencyKeys.signupId))
    .where(eq(sweepIdempotencyKeys.keyHash, keyHash));
}
