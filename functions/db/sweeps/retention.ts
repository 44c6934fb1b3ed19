import { sql } from "drizzle-orm";
import type { Statement } from "../batch";

// Contact retention for sweeps (CONTACT_RETENTION_DAYS in src/shared/sweeps/rules.ts): after a
// sweep ended and the period passed, what reaches a person (name, phone, their guardian's name and
// phone, a group contact's name and phone) is removed, a chunk per batch. What stays: the hashed
// person key (the no-show rule and certificates find a person's records by it), the volunteer
// number, school and birth month (who the recorded service belongs to: the organiser's record duty,
// 志愿服务条例 art. 19, kept RECORD_RETENTION_YEARS), status, attendance and minutes. The public
// views never showed any of it: they count.

/** What a removed name becomes (names are NOT NULL: the roster and certificates still show a row). */
export const ANONYMISED_NAME = "已匿名";

/** What an idempotency record's request hash becomes: it was a hash over the sign-up, phone included. */
export const ANONYMISED_HASH = "contact-deleted";

/**
 * The next `chunk` sign-ups due (sweep ended before `cutoff`, not yet anonymised), in a fixed order:
 * the order of the partial index of rows not yet anonymised, so a run reads only those, never the
 * years of rows already done.
 */
const dueSignups = (cutoff: string, chunk: number) =>
  sql`SELECT s.id FROM sweep_signups s JOIN sweeps w ON w.id = s.sweep_id
    WHERE s.anonymised_at IS NULL AND w.ends_at < ${cutoff} ORDER BY s.updated_at, s.id LIMIT ${chunk}`;

/**
 * One chunk, one batch: the idempotency records' hashes first (the same chunk: nothing runs between
 * the two statements), then the sign-ups. The last statement's changes are the chunk's size.
 */
export function anonymiseSignupsChunk(now: string, cutoff: string, chunk: number): Statement[] {
  return [
    // The keys have no index by sign-up: the EXISTS, evaluated once before the loop, spares the
    // scan on the runs (nearly all) with nothing due.
    sql`UPDATE sweep_idempotency_keys SET request_hash = ${ANONYMISED_HASH}
      WHERE EXISTS (${dueSignups(cutoff, 1)})
        AND signup_id IN (${dueSignups(cutoff, chunk)}) AND request_hash <> ${ANONYMISED_HASH}`,
    sql`UPDATE sweep_signups SET name = ${ANONYMISED_NAME}, phone = '', guardian_name = NULL, guardian_phone = NULL,
        anonymised_at = ${now}
      WHERE id IN (${dueSignups(cutoff, chunk)})`,
  ];
}

/** A chunk of groups whose sweep ended before `cutoff`: the contact's name and phone. */
export function anonymiseGroupsChunk(now: string, cutoff: string, chunk: number): Statement {
  return sql`UPDATE sweep_groups SET contact_name = ${ANONYMISED_NAME}, contact_phone = '', anonymised_at = ${now}
    WHERE id IN (SELECT g.id FROM sweeps w JOIN sweep_groups g ON g.sweep_id = w.id
      WHERE w.ends_at < ${cutoff} AND g.anonymised_at IS NULL ORDER BY g.id LIMIT ${chunk})`;
}
