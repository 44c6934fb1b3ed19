import { and, asc, eq, type Placeholder, sql } from "drizzle-orm";
import type { Statement } from "../batch";
import type { Db } from "../client";
import { prepared } from "../prepared";
import { sweepSignups, sweeps } from "../schema";

// The writes of the day (check-in and out, walk-ins, no-shows, hours) as statements for the batch
// port, each scoped to its sweep so a leader's link never reaches another sweep's people. What must
// hold is the database's: attendance only on a confirmed place (trigger `not_confirmed`), a walk-in
// only onto a free place of an open sweep that has not ended (capacity and open-sweep triggers).
// Once the sweep's hours are approved the leader's writes match nothing: staff correct from then on.

const notApproved = (sweepId: string) => sql`(SELECT hours_approved_at FROM sweeps WHERE id = ${sweepId}) IS NULL`;

export function sweepIdByLeaderHash(db: Db, leaderHash: string) {
  return db.select({ id: sweeps.id }).from(sweeps).where(eq(sweeps.leaderHash, leaderHash));
}

/** The confirmed people of a sweep (walk-ins included), in arrival order. */
export function dayRosterOf(db: Db, sweepId: string) {
  return db
    .select()
    .from(sweepSignups)
    .where(and(eq(sweepSignups.sweepId, sweepId), eq(sweepSignups.status, "confirmed")))
    .orderBy(asc(sweepSignups.id));
}

export function daySignup(db: Db, sweepId: string, signupId: number) {
  return db
    .select()
    .from(sweepSignups)
    .where(and(eq(sweepSignups.sweepId, sweepId), eq(sweepSignups.id, signupId)));
}

/** A new leader secret's hash (any earlier link stops working). Not a public fact: no version bump. */
export function setLeaderHash(sweepId: string, leaderHash: string, now: string): Statement {
  return sql`UPDATE sweeps SET leader_hash = ${leaderHash}, updated_at = ${now} WHERE id = ${sweepId} RETURNING id`;
}

/** Checks a person in (a late arrival marked no-show too); a repeated tap matches nothing. */
export function checkIn(sweepId: string, signupId: number, now: string): Statement {
  return sql`UPDATE sweep_signups SET checked_in_at = ${now}, attendance = 'attended', updated_at = ${now}
    WHERE id = ${signupId} AND sweep_id = ${sweepId} AND checked_in_at IS NULL AND ${notApproved(sweepId)}
    RETURNING id`;
}

/** Checks a person out with the minutes computed from the check-in it read (guarded: unchanged since). */
export function checkOut(
  sweepId: string,
  signupId: number,
  checkedInAt: string,
  minutes: number,
  now: string,
): Statement {
  return sql`UPDATE sweep_signups SET checked_out_at = ${now}, minutes = ${minutes}, updated_at = ${now}
    WHERE id = ${signupId} AND sweep_id = ${sweepId} AND checked_in_at = ${checkedInAt} AND checked_out_at IS NULL
      AND ${notApproved(sweepId)}
    RETURNING id`;
}

/** Marks a confirmed person who has not checked in as not come. */
export function markNoShow(sweepId: string, signupId: number, now: string): Statement {
  return sql`UPDATE sweep_signups SET attendance = 'no_show', updated_at = ${now}
    WHERE id = ${signupId} AND sweep_id = ${sweepId} AND checked_in_at IS NULL AND attendance IS NULL
      AND ${notApproved(sweepId)}
    RETURNING id`;
}

/**
 * Undoes the last step taken by mistake: a check-out (its minutes go too), else a check-in or a
 * no-show, back to not yet recorded.
 */
export function undoAttendance(sweepId: string, signupId: number, now: string): Statement {
  return sql`UPDATE sweep_signups SET updated_at = ${now}, minutes = NULL, checked_out_at = NULL,
      checked_in_at = CASE WHEN checked_out_at IS NULL THEN NULL ELSE checked_in_at END,
      attendance = CASE WHEN checked_out_at IS NULL THEN NULL ELSE attendance END
    WHERE id = ${signupId} AND sweep_id = ${sweepId} AND attendance IS NOT NULL AND ${notApproved(sweepId)}
    RETURNING id`;
}

export interface NewWalkIn {
  sweepId: string;
  manageHash: string;
  personKey: string;
  name: string;
  phone: string;
  organisation: string;
  birthMonth: string;
  minor: boolean;
  guardianName: string | null;
  guardianPhone: string | null;
  now: string;
}

/** A walk-in, confirmed and checked in at once, with their "confirmed" message. */
export function walkInBatch(w: NewWalkIn): Statement[] {
  return [
    sql`INSERT INTO sweep_signups (sweep_id, manage_hash, person_key, name, phone, organisation, birth_month, status,
        minor, guardian_name, guardian_phone, consented_at, walk_in, checked_in_at, attendance, created_at, updated_at)
      VALUES (${w.sweepId}, ${w.manageHash}, ${w.personKey}, ${w.name}, ${w.phone}, ${w.organisation}, ${w.birthMonth},
        'confirmed', ${w.minor ? 1 : 0}, ${w.guardianName}, ${w.guardianPhone}, ${w.minor ? w.now : null}, 1, ${w.now},
        'attended', ${w.now}, ${w.now})`,
    sql`INSERT INTO sweep_messages (signup_id, kind, created_at)
      SELECT id, 'confirmed', ${w.now} FROM sweep_signups WHERE manage_hash = ${w.manageHash}`,
    sql`SELECT id FROM sweep_signups WHERE manage_hash = ${w.manageHash}`,
  ];
}

/** Approves a sweep's hours once, and tells each person with recorded minutes. */
export function approveHoursBatch(sweepId: string, staffId: number, now: string): Statement[] {
  return [
    sql`UPDATE sweeps SET hours_approved_at = ${now}, hours_approved_by = ${staffId}, updated_at = ${now}
      WHERE id = ${sweepId} AND hours_approved_at IS NULL RETURNING id`,
    sql`INSERT INTO sweep_messages (signup_id, kind, created_at)
      SELECT id, 'hours_approved', ${now} FROM sweep_signups
      WHERE sweep_id = ${sweepId} AND status = 'confirmed' AND attendance = 'attended' AND minutes IS NOT NULL
        AND (SELECT hours_approved_at FROM sweeps WHERE id = ${sweepId}) = ${now}`,
  ];
}

/** Staff set a person's minutes (they were there: attendance follows); the trigger keeps it to confirmed places. */
export function correctMinutes(sweepId: string, signupId: number, minutes: number, now: string): Statement {
  return sql`UPDATE sweep_signups SET minutes = ${minutes}, attendance = 'attended', updated_at = ${now}
    WHERE id = ${signupId} AND sweep_id = ${sweepId} RETURNING id`;
}

/** A person's no-shows at sweeps that started since `since` (the no-show rule's window). */
/** `noShowsSince` compiled once, for a sign-up: `.all({ personKey, since })`. */
export const noShowsOf = prepared((db) => noShowsSince(db, sql.placeholder("personKey"), sql.placeholder("since")));

export function noShowsSince(db: Db, personKey: string | Placeholder, since: string | Placeholder) {
  return db
    .select({ n: sql<number>`count(*)` })
    .from(sweepSignups)
    .innerJoin(sweeps, eq(sweeps.id, sweepSignups.sweepId))
    .where(
      and(
        eq(sweepSignups.personKey, personKey),
        eq(sweepSignups.attendance, "no_show"),
        sql`${sweeps.startsAt} >= ${since}`,
      ),
    );
}
