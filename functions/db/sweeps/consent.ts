import { eq, sql } from "drizzle-orm";
import type { Statement } from "../batch";
import type { Db } from "../client";
import { sweepSignups } from "../schema";
import { offerFreePlaces } from "./signups";

// A minor's guardian consent: the reads and batches behind /api/sweeps/consent and the manage page's
// "new guardian link". A minor is never confirmed without consent whatever writes the row
// (migrations/0016's consent_missing triggers); these statements only choose what may change.

/** The sign-up a guardian's consent secret opens (a minor's; an anonymised row no longer opens). */
export function signupByGuardianHash(db: Db, guardianHash: string) {
  return db.select().from(sweepSignups).where(eq(sweepSignups.guardianHash, guardianHash));
}

/**
 * The guardian consents: a held place becomes confirmed; a waiting or offered one keeps its status,
 * consented (the person then confirms an offer themself). Not after the hold lapsed, not twice,
 * not once the sweep has begun. The volunteer is told in the same batch.
 */
export function consentBatch(guardianHash: string, now: string): Statement[] {
  return [
    sql`UPDATE sweep_signups SET consented_at = ${now}, updated_at = ${now},
        status = CASE WHEN status = 'pending_consent' THEN 'confirmed' ELSE status END,
        held_until = CASE WHEN status = 'pending_consent' THEN NULL ELSE held_until END
      WHERE guardian_hash = ${guardianHash} AND minor = 1 AND consented_at IS NULL AND anonymised_at IS NULL
        AND (status IN ('waitlisted', 'offered') OR (status = 'pending_consent' AND held_until > ${now}))
        AND (SELECT starts_at FROM sweeps WHERE id = sweep_signups.sweep_id) > ${now}
      RETURNING id`,
    sql`INSERT INTO sweep_messages (signup_id, kind, created_at)
      SELECT id, 'consented', ${now} FROM sweep_signups WHERE guardian_hash = ${guardianHash} AND changes() = 1`,
  ];
}

/**
 * The guardian declines (or withdraws consent before the sweep): the sign-up is cancelled, the
 * volunteer told, and a freed place offered to the next person waiting, one batch as a cancellation.
 */
export function declineBatch(guardianHash: string, now: string, offerUntil: string): Statement[] {
  return [
    sql`UPDATE sweep_signups SET status = 'cancelled', held_until = NULL, offered_until = NULL, updated_at = ${now}
      WHERE guardian_hash = ${guardianHash} AND minor = 1
        AND status IN ('pending_consent', 'waitlisted', 'offered', 'confirmed')
        AND (SELECT starts_at FROM sweeps WHERE id = sweep_signups.sweep_id) > ${now}
      RETURNING status`,
    sql`INSERT INTO sweep_messages (signup_id, kind, created_at)
      SELECT id, 'cancelled', ${now} FROM sweep_signups WHERE guardian_hash = ${guardianHash} AND changes() = 1`,
    ...offerFreePlaces(
      sql`w.sweep_id = (SELECT sweep_id FROM sweep_signups WHERE guardian_hash = ${guardianHash})`,
      now,
      offerUntil,
    ),
  ];
}

/**
 * A new guardian link for a minor's active sign-up (the old link is lost: only its hash was kept);
 * the old hash is replaced, so the old link stops working, and the guardian is sent the new one.
 */
export function reissueGuardianLinkBatch(manageHash: string, guardianHash: string, now: string): Statement[] {
  return [
    sql`UPDATE sweep_signups SET guardian_hash = ${guardianHash}, updated_at = ${now}
      WHERE manage_hash = ${manageHash} AND minor = 1 AND anonymised_at IS NULL
        AND status IN ('pending_consent', 'waitlisted', 'offered', 'confirmed')
        AND (SELECT starts_at FROM sweeps WHERE id = sweep_signups.sweep_id) > ${now}
      RETURNING held_until AS heldUntil`,
    sql`INSERT INTO sweep_messages (signup_id, kind, recipient, created_at)
      SELECT id, 'consent_needed', 'guardian', ${now} FROM sweep_signups
      WHERE manage_hash = ${manageHash} AND changes() = 1 AND consented_at IS NULL`,
  ];
}

/**
 * The cron: holds that lapsed (a minor's place without consent, a group member's without details)
 * go back to the pool; each holder is told. Run before offerFreePlaces in the same batch, so the
 * released places are offered at once.
 */
export function releaseHoldsStatements(now: string): Statement[] {
  return [
    // A group's place not yet named has nobody to tell but the group's contact: one message per
    // group (on its first row, where the group's messages live), and one to each named person.
    sql`INSERT INTO sweep_messages (signup_id, kind, recipient, created_at)
      SELECT id, 'released', 'volunteer', ${now} FROM sweep_signups
      WHERE status IN ('pending_consent', 'reserved') AND held_until <= ${now} AND name <> ''
      UNION ALL
      SELECT (SELECT min(f.id) FROM sweep_signups f WHERE f.group_id = l.group_id), 'released', 'group', ${now}
      FROM sweep_signups l
      WHERE l.status IN ('pending_consent', 'reserved') AND l.held_until <= ${now} AND l.group_id IS NOT NULL
      GROUP BY l.group_id`,
    sql`UPDATE sweep_signups SET status = 'released', held_until = NULL, updated_at = ${now}
      WHERE status IN ('pending_consent', 'reserved') AND held_until <= ${now}
      RETURNING id`,
  ];
}
