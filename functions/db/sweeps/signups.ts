import { type SQL, sql } from "drizzle-orm";
import { TAKEN_STATUSES } from "../../../src/shared/sweeps/wire";
import { compiledOnce, type Statement } from "../batch";
import type { Db } from "../client";
import { noShowsSince } from "./day";

// The public writes of sweeps, as statements for the batch port: each is one D1 batch, and what must
// hold (capacity, waitlist limit, one per person, no overlap, open sweep) is checked by the database
// inside the same statements (migrations/0015's triggers), never read first by the Worker.

const TAKEN = TAKEN_STATUSES.map((s) => `'${s}'`).join(", ");

export interface NewSignup {
  sweepId: string;
  manageHash: string;
  personKey: string;
  name: string;
  phone: string;
  organisation: string;
  birthMonth: string;
  volunteerNumber: string | null;
  /** A minor's guardian (signup.ts requires them under 18): their place waits for the guardian's consent. */
  minor: { guardianName: string; guardianPhone: string; guardianHash: string; heldUntil: string } | null;
  now: string;
  idempotency: { keyHash: string; requestHash: string; replayCipher: string; createdAt: string };
  /**
   * What the Worker decided on, which the row requires still to hold: the sweep's facts as it read
   * them (perhaps a while ago), and the person's no-shows since `since` below the rule's `limit`.
   */
  decidedOn: {
    sweep: { version: number; state: string; startsAt: string; minAge: number; guardianPresentBelow: number | null };
    noShows: { since: string; limit: number };
  };
}

/**
 * For the RETURNING of a sign-up's INSERT: its place on the waitlist (1-based; 0 unless waitlisted),
 * counted among the earlier rows so it does not matter whether the subquery sees the new one.
 */
const waitlistPosition = sql.raw(`CASE WHEN status = 'waitlisted' THEN
    (SELECT count(*) FROM sweep_signups w WHERE w.sweep_id = sweep_signups.sweep_id AND w.status = 'waitlisted'
      AND w.id < sweep_signups.id) + 1
    ELSE 0 END AS position`);

/** The values of a sign-up's statements, by placeholder name: the sign-up's own, and these. */
type SignupValues = Omit<NewSignup, "minor" | "idempotency" | "decidedOn"> &
  NewSignup["idempotency"] &
  NewSignup["decidedOn"]["sweep"] & {
    minor: 0 | 1;
    guardianName: string | null;
    guardianPhone: string | null;
    guardianHash: string | null;
    taking: "confirmed" | "pending_consent";
    heldUntil: string | null;
    noShowsSince: string;
    noShowLimit: number;
  };

const v = (name: keyof SignupValues) => sql.placeholder(name);

/**
 * A sign-up's three statements, compiled once (`compiledOnce`): the row (while places are free and
 * nobody waits, confirmed, or for a minor pending_consent and held; else waitlisted: decided by the
 * INSERT … SELECT itself, so concurrent sign-ups see each other), returning the status and waitlist
 * position to answer with; its message and a minor's guardian's; the idempotency record. The row is
 * written only while what the Worker decided on still holds (the sweep's facts, the no-shows).
 */
const signupStatements = compiledOnce<SignupValues, Db>((db) => [
  sql`INSERT INTO sweep_signups (sweep_id, manage_hash, person_key, name, phone, organisation, birth_month,
      volunteer_number, minor, guardian_name, guardian_phone, guardian_hash, status, held_until, created_at, updated_at)
    SELECT ${v("sweepId")}, ${v("manageHash")}, ${v("personKey")}, ${v("name")}, ${v("phone")}, ${v("organisation")},
      ${v("birthMonth")}, ${v("volunteerNumber")}, ${v("minor")}, ${v("guardianName")}, ${v("guardianPhone")},
      ${v("guardianHash")}, status, CASE WHEN status = 'pending_consent' THEN ${v("heldUntil")} END, ${v("now")}, ${v("now")}
    FROM (SELECT CASE WHEN (SELECT count(*) FROM sweep_signups WHERE sweep_id = ${v("sweepId")}
            AND status IN (${sql.raw(TAKEN)})) < capacity
          AND NOT EXISTS (SELECT 1 FROM sweep_signups WHERE sweep_id = ${v("sweepId")} AND status = 'waitlisted')
        THEN ${v("taking")} ELSE 'waitlisted' END AS status
      FROM sweeps WHERE id = ${v("sweepId")} AND version = ${v("version")} AND state = ${v("state")}
        AND starts_at = ${v("startsAt")} AND min_age = ${v("minAge")} AND guardian_present_below IS ${v("guardianPresentBelow")}
        AND (${noShowsSince(db, v("personKey"), v("noShowsSince"))}) < ${v("noShowLimit")})
    RETURNING status, ${waitlistPosition}`,
  // The person's message and, for a minor, the guardian's (their link goes by SMS once a sender
  // is configured), in one statement: a batch's cost is mostly its statements.
  sql`INSERT INTO sweep_messages (signup_id, kind, recipient, created_at)
    SELECT id, CASE status WHEN 'pending_consent' THEN 'consent_needed' ELSE status END, 'volunteer', ${v("now")}
    FROM sweep_signups WHERE manage_hash = ${v("manageHash")}
    UNION ALL
    SELECT id, 'consent_needed', 'guardian', ${v("now")} FROM sweep_signups WHERE manage_hash = ${v("manageHash")} AND minor = 1`,
  sql`INSERT INTO sweep_idempotency_keys (key_hash, request_hash, signup_id, replay_cipher, created_at)
    SELECT ${v("keyHash")}, ${v("requestHash")}, id, ${v("replayCipher")}, ${v("createdAt")}
    FROM sweep_signups WHERE manage_hash = ${v("manageHash")}`,
]);

/**
 * A sign-up as one batch (`signupStatements`). If what the Worker decided on no longer holds
 * (`decidedOn`), the batch writes nothing and the INSERT returns no row.
 */
export function signupBatch(db: Db, s: NewSignup): Statement[] {
  const m = s.minor;
  return signupStatements(db, {
    ...s,
    ...s.idempotency,
    ...s.decidedOn.sweep,
    minor: m ? 1 : 0,
    guardianName: m?.guardianName ?? null,
    guardianPhone: m?.guardianPhone ?? null,
    guardianHash: m?.guardianHash ?? null,
    taking: m ? "pending_consent" : "confirmed",
    heldUntil: m?.heldUntil ?? null,
    noShowsSince: s.decidedOn.noShows.since,
    noShowLimit: s.decidedOn.noShows.limit,
  });
}

/**
 * The waiting people who get a sweep's free places, first come first served: the first
 * (capacity − taken) of each open sweep that has not begun. `scope` narrows it to one sweep.
 */
function nextInLine(scope: SQL, now: string): SQL {
  return sql`SELECT id FROM (
      SELECT w.id, row_number() OVER (PARTITION BY w.sweep_id ORDER BY w.id) AS rank,
        s.capacity - (SELECT count(*) FROM sweep_signups t WHERE t.sweep_id = w.sweep_id
          AND t.status IN (${sql.raw(TAKEN)})) AS free
      FROM sweep_signups w JOIN sweeps s ON s.id = w.sweep_id
      WHERE ${scope} AND w.status = 'waitlisted' AND s.state = 'open' AND s.starts_at > ${now}
    ) WHERE rank <= free`;
}

/**
 * Fills free places from the waitlist: each chosen person is told, then offered the place until
 * `until` (not past the sweep's start). The message goes first, so both statements choose the same
 * people (nothing runs between them); the capacity trigger still guards every row.
 */
export function offerFreePlaces(scope: SQL, now: string, until: string): Statement[] {
  return [
    sql`INSERT INTO sweep_messages (signup_id, kind, created_at)
      SELECT id, 'offered', ${now} FROM (${nextInLine(scope, now)})`,
    sql`UPDATE sweep_signups SET status = 'offered', offered_at = ${now},
        offered_until = min(${until}, (SELECT starts_at FROM sweeps WHERE id = sweep_signups.sweep_id)), updated_at = ${now}
      WHERE id IN (${nextInLine(scope, now)})
      RETURNING id`,
  ];
}

/**
 * Cancels the sign-up a manage secret opens (late after the sweep's cut-off), tells the person, and
 * in the same batch offers any freed place to the next on the waitlist. D1 runs batches one at a
 * time, so two cancellations each see the other's result: a place is never offered twice and a
 * waiting person never promoted twice.
 */
export function cancelBatch(manageHash: string, now: string, offerUntil: string): Statement[] {
  return [
    sql`UPDATE sweep_signups SET updated_at = ${now}, offered_until = NULL, held_until = NULL,
        status = CASE WHEN ${now} >= (SELECT cancel_cutoff_at FROM sweeps WHERE id = sweep_signups.sweep_id)
          THEN 'late_cancelled' ELSE 'cancelled' END
      WHERE manage_hash = ${manageHash} AND status IN ('confirmed', 'waitlisted', 'offered', 'pending_consent')
        AND (SELECT starts_at FROM sweeps WHERE id = sweep_signups.sweep_id) > ${now}
      RETURNING status`,
    sql`INSERT INTO sweep_messages (signup_id, kind, created_at)
      SELECT id, 'cancelled', ${now} FROM sweep_signups WHERE manage_hash = ${manageHash} AND changes() = 1`,
    ...offerFreePlaces(
      sql`w.sweep_id = (SELECT sweep_id FROM sweep_signups WHERE manage_hash = ${manageHash})`,
      now,
      offerUntil,
    ),
  ];
}

/**
 * The person takes the place offered, while the offer holds. A minor whose guardian has not consented
 * is refused by the database (consent_missing, which errors.ts words as "the guardian consents first").
 */
export function confirmOfferBatch(manageHash: string, now: string): Statement[] {
  return [
    sql`UPDATE sweep_signups SET status = 'confirmed', offered_until = NULL, updated_at = ${now}
      WHERE manage_hash = ${manageHash} AND status = 'offered' AND offered_until > ${now}
      RETURNING id`,
    sql`INSERT INTO sweep_messages (signup_id, kind, created_at)
      SELECT id, 'confirmed', ${now} FROM sweep_signups WHERE manage_hash = ${manageHash} AND changes() = 1`,
  ];
}

/**
 * The cron: offers not confirmed in time are withdrawn (the person is told), and every sweep's free
 * places go to the next waiting people, all in one batch.
 */
export function expireOffersBatch(now: string, offerUntil: string): Statement[] {
  return [
    sql`INSERT INTO sweep_messages (signup_id, kind, created_at)
      SELECT id, 'offer_expired', ${now} FROM sweep_signups WHERE status = 'offered' AND offered_until <= ${now}`,
    sql`UPDATE sweep_signups SET status = 'cancelled', offered_until = NULL, updated_at = ${now}
      WHERE status = 'offered' AND offered_until <= ${now}
      RETURNING id`,
    ...offerFreePlaces(sql`1 = 1`, now, offerUntil),
  ];
}
