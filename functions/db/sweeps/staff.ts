import { sql } from "drizzle-orm";
import type { Statement } from "../batch";
import type { Db } from "../client";
import { sweeps } from "../schema";

// Staff writes of sweeps, each one batch with its audit row. An edit sets `version` to the one seen
// plus one; the `sweeps_version` trigger fails the batch when someone changed the sweep since.

export type NewSweep = typeof sweeps.$inferInsert;

export function insertSweeps(db: Db, rows: NewSweep[]) {
  return rows.map((r) => db.insert(sweeps).values(r));
}

/**
 * A cancelled sweep's open offers, held places (a guardian's consent, a group's members) and
 * waitlist are withdrawn: nobody can confirm, consent to or wait for a place that no longer exists,
 * and the cron's hold releases and offers pass them by. Confirmed places stay as they were (the
 * record of who had a place); everyone was told in the same batch (`tellSignedUp`, written first).
 */
export function withdrawOpenPlaces(sweepId: string, now: string): Statement {
  return sql`UPDATE sweep_signups SET status = 'cancelled', offered_until = NULL, held_until = NULL, updated_at = ${now}
    WHERE sweep_id = ${sweepId} AND status IN ('waitlisted', 'offered', 'pending_consent', 'reserved')`;
}

export function updateSweep(db: Db, id: string, seenVersion: number, values: Partial<NewSweep>) {
  return db
    .update(sweeps)
    .set({ ...values, version: seenVersion + 1 })
    .where(sql`${sweeps.id} = ${id}`)
    .returning({ id: sweeps.id });
}
