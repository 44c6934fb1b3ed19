import { type SQL, sql } from "drizzle-orm";
import type { Statement } from "../batch";
import type { Db } from "../client";
import { sweeps } from "../schema";

// Staff writes of sweeps, each one batch with its audit row. An edit sets `version` to the one seen
// plus one; the `sweeps_version` trigger fails the batch when someone changed the sweep since.

export type NewSweep = typeof sweeps.$inferInsert;

export function insertSweeps(db: Db, rows: NewSweep[]) {
  return rows.map((r) => db.insert(sweeps).values(r));
}

/** The sign-ups still holding or waiting for a place: the people told of a change or a cancellation. */
const ACTIVE = sql.raw(`('confirmed', 'waitlisted', 'offered', 'pending_consent', 'reserved')`);

/** Tells everyone still signed up to `sweepId`, as `kind`. */
export function messageActive(sweepId: string, kind: "sweep_changed" | "sweep_cancelled", now: string): Statement {
  return sql`INSERT INTO sweep_messages (signup_id, kind, created_at)
    SELECT id, ${kind}, ${now} FROM sweep_signups WHERE sweep_id = ${sweepId} AND status IN ${ACTIVE}`;
}

export function countActive(sweepId: string): SQL {
  return sql`SELECT count(*) AS n FROM sweep_signups WHERE sweep_id = ${sweepId} AND status IN ${ACTIVE}`;
}

export function updateSweep(db: Db, id: string, seenVersion: number, values: Partial<NewSweep>) {
  return db
    .update(sweeps)
    .set({ ...values, version: seenVersion + 1 })
    .where(sql`${sweeps.id} = ${id}`)
    .returning({ id: sweeps.id });
}
