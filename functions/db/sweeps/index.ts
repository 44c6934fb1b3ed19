import { and, asc, desc, eq, gte, lt, ne, type SQLWrapper, sql } from "drizzle-orm";
import type { Db } from "../client";
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

/** Open sweeps starting in [start, end), by start: the public list's rows (filtered further in the Worker). */
export function openSweepsBetween(db: Db, start: string, end: string) {
  return withCounts(db)
    .where(and(eq(sweeps.state, "open"), gte(sweeps.startsAt, start), lt(sweeps.startsAt, end)))
    .orderBy(asc(sweeps.startsAt))
    .limit(2000);
}

export function sweepById(db: Db, id: string) {
  return withCounts(db).where(eq(sweeps.id, id));
}

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
