import { and, asc, desc, eq, sql } from "drizzle-orm";
import { TAKEN_STATUSES } from "../../../src/shared/sweeps/wire";
import type { Statement } from "../batch";
import type { Db } from "../client";
import { sweepGroups, sweepMessages, sweepSignups } from "../schema";
import { offerFreePlaces } from "./signups";

// A group's writes (a class signed up by one contact), as statements for the batch port: each
// mutation is one D1 batch, and whether the group fits is decided by the database inside it.

const TAKEN = TAKEN_STATUSES.map((s) => `'${s}'`).join(", ");
/** A member's place that a cancellation gives back (a waiting or offered member can be dropped too). */
const ACTIVE = `${TAKEN}, 'waitlisted'`;

export interface NewGroup {
  sweepId: string;
  manageHash: string;
  contactName: string;
  contactPhone: string;
  organisation: string;
  size: number;
  completeBy: string;
  now: string;
  idempotency: { keyHash: string; requestHash: string; replayCipher: string; createdAt: string };
}

/**
 * A group's sign-up, all or nothing: the group row is written only when the sweep is open, has not
 * begun, has `size` free places and nobody waits (the INSERT … SELECT checks it in the statement
 * itself); its members' rows are then selected from the group row, so a group that does not fit
 * writes nothing at all (the last statement finds no group). Each member row holds a place
 * (`reserved`, until `completeBy`) under a placeholder person key until their details come; the
 * capacity trigger still guards every row. The contact's message goes on the first member's row,
 * as does the idempotency record.
 */
export function groupSignupBatch(g: NewGroup): Statement[] {
  const group = sql`(SELECT id FROM sweep_groups WHERE manage_hash = ${g.manageHash})`;
  const firstMember = sql`SELECT id FROM sweep_signups WHERE group_id = ${group} ORDER BY id LIMIT 1`;
  return [
    sql`INSERT INTO sweep_groups (sweep_id, manage_hash, contact_name, contact_phone, organisation, size, complete_by,
        created_at, updated_at)
      SELECT s.id, ${g.manageHash}, ${g.contactName}, ${g.contactPhone}, ${g.organisation}, ${g.size}, ${g.completeBy},
        ${g.now}, ${g.now}
      FROM sweeps s
      WHERE s.id = ${g.sweepId} AND s.state = 'open' AND s.starts_at > ${g.now}
        AND s.capacity - (SELECT count(*) FROM sweep_signups t WHERE t.sweep_id = s.id AND t.status IN (${sql.raw(TAKEN)}))
          >= ${g.size}
        AND NOT EXISTS (SELECT 1 FROM sweep_signups w WHERE w.sweep_id = s.id AND w.status = 'waitlisted')`,
    sql`INSERT INTO sweep_signups (sweep_id, manage_hash, person_key, name, phone, organisation, birth_month, status,
        held_until, group_id, created_at, updated_at)
      WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < ${g.size})
      SELECT grp.sweep_id, 'group:' || grp.manage_hash || ':' || seq.i, 'group:' || grp.manage_hash || ':' || seq.i,
        '', '', grp.organisation, '', 'reserved', grp.complete_by, grp.id, ${g.now}, ${g.now}
      FROM sweep_groups grp CROSS JOIN seq
      WHERE grp.manage_hash = ${g.manageHash}
      ORDER BY seq.i`,
    sql`INSERT INTO sweep_messages (signup_id, kind, recipient, created_at)
      SELECT id, 'group_details_needed', 'group', ${g.now} FROM (${firstMember})`,
    sql`INSERT INTO sweep_idempotency_keys (key_hash, request_hash, signup_id, replay_cipher, created_at)
      SELECT ${g.idempotency.keyHash}, ${g.idempotency.requestHash}, id, ${g.idempotency.replayCipher},
        ${g.idempotency.createdAt}
      FROM (${firstMember})`,
    sql`SELECT g.id, g.complete_by AS completeBy,
        (SELECT count(*) FROM sweep_signups m WHERE m.group_id = g.id) AS members
      FROM sweep_groups g WHERE g.manage_hash = ${g.manageHash}`,
  ];
}

/** The group a link's secret opens (cancelled ones too: the page says so). */
export function groupByHash(db: Db, manageHash: string) {
  return db.select().from(sweepGroups).where(eq(sweepGroups.manageHash, manageHash));
}

/** A group's member rows in the order their places were taken. */
export function membersOf(db: Db, groupId: number) {
  return db.select().from(sweepSignups).where(eq(sweepSignups.groupId, groupId)).orderBy(asc(sweepSignups.id));
}

/** The messages to a group's contact (on its member rows, recipient `group`), newest first. */
export function groupMessagesOf(db: Db, groupId: number) {
  return db
    .select({ message: sweepMessages })
    .from(sweepMessages)
    .innerJoin(sweepSignups, eq(sweepSignups.id, sweepMessages.signupId))
    .where(and(eq(sweepSignups.groupId, groupId), eq(sweepMessages.recipient, "group")))
    .orderBy(desc(sweepMessages.id));
}

/** The group a secret opens while it can change: not cancelled. */
const liveGroup = (groupHash: string) =>
  sql`(SELECT id FROM sweep_groups WHERE manage_hash = ${groupHash} AND cancelled_at IS NULL)`;

export interface MemberDetails {
  groupHash: string;
  memberId: number;
  manageHash: string;
  personKey: string;
  name: string;
  phone: string;
  birthMonth: string;
  volunteerNumber: string | null;
  minor: boolean;
  guardianName: string | null;
  guardianPhone: string | null;
  guardianHash: string | null;
  now: string;
}

/**
 * Completes one held place of a group with its member's details: the placeholder person key
 * becomes the person's, so the one-per-sweep constraint and the overlap trigger now apply (the same
 * person twice is refused), and the place is confirmed (an adult) or held for the guardian's consent
 * until the group's deadline (a minor: the consent trigger keeps it from being confirmed without
 * it). The member's messages (and a minor's guardian's) are written only when the update took the place.
 */
export function completeMemberBatch(m: MemberDetails): Statement[] {
  const status = m.minor ? "pending_consent" : "confirmed";
  return [
    sql`UPDATE sweep_signups SET name = ${m.name}, phone = ${m.phone}, birth_month = ${m.birthMonth},
        volunteer_number = ${m.volunteerNumber}, person_key = ${m.personKey}, manage_hash = ${m.manageHash},
        minor = ${m.minor ? 1 : 0}, guardian_name = ${m.guardianName}, guardian_phone = ${m.guardianPhone},
        guardian_hash = ${m.guardianHash}, status = ${status},
        held_until = CASE WHEN ${status} = 'confirmed' THEN NULL ELSE held_until END, updated_at = ${m.now}
      WHERE id = ${m.memberId} AND group_id = ${liveGroup(m.groupHash)} AND status = 'reserved'
        AND held_until > ${m.now}
        AND EXISTS (SELECT 1 FROM sweeps s WHERE s.id = sweep_signups.sweep_id AND s.state = 'open'
          AND s.starts_at > ${m.now})
      RETURNING id, status`,
    // The new manage hash exists only if the update took the place, so these write nothing otherwise.
    sql`INSERT INTO sweep_messages (signup_id, kind, recipient, created_at)
      SELECT id, ${m.minor ? "consent_needed" : "confirmed"}, 'volunteer', ${m.now}
      FROM sweep_signups WHERE manage_hash = ${m.manageHash}`,
    sql`INSERT INTO sweep_messages (signup_id, kind, recipient, created_at)
      SELECT id, 'consent_needed', 'guardian', ${m.now} FROM sweep_signups WHERE manage_hash = ${m.manageHash} AND minor = 1`,
  ];
}

/** A cancellation's status: late after the sweep's cut-off, except for a place never completed. */
const cancelledStatus = (now: string) =>
  sql`CASE WHEN status <> 'reserved'
      AND ${now} >= (SELECT cancel_cutoff_at FROM sweeps WHERE id = sweep_signups.sweep_id)
    THEN 'late_cancelled' ELSE 'cancelled' END`;

const notBegun = (now: string) => sql`(SELECT starts_at FROM sweeps WHERE id = sweep_signups.sweep_id) > ${now}`;

/**
 * Gives one member's place back: the member (if their details were in) is told, and the freed place
 * is offered to the first person waiting, in the same batch.
 */
export function cancelMemberBatch(groupHash: string, memberId: number, now: string, offerUntil: string): Statement[] {
  return [
    sql`UPDATE sweep_signups SET status = ${cancelledStatus(now)}, offered_until = NULL, updated_at = ${now}
      WHERE id = ${memberId} AND group_id = ${liveGroup(groupHash)} AND status IN (${sql.raw(ACTIVE)})
        AND ${notBegun(now)}
      RETURNING id, status`,
    sql`INSERT INTO sweep_messages (signup_id, kind, recipient, created_at)
      SELECT id, 'cancelled', 'volunteer', ${now} FROM sweep_signups
      WHERE id = ${memberId} AND name <> '' AND changes() = 1`,
    ...offerFreePlaces(
      sql`w.sweep_id = (SELECT sweep_id FROM sweep_groups WHERE manage_hash = ${groupHash})`,
      now,
      offerUntil,
    ),
  ];
}

/**
 * Cancels a whole group: the group is marked first (only while the sweep has not begun), then the
 * members whose details were in are told and every place it still holds is given back, all keyed
 * on this cancellation's instant, so a second call changes nothing; the freed places go to the
 * people waiting.
 */
export function cancelGroupBatch(groupHash: string, now: string, offerUntil: string): Statement[] {
  const cancelledNow = sql`(SELECT id FROM sweep_groups WHERE manage_hash = ${groupHash} AND cancelled_at = ${now})`;
  return [
    sql`UPDATE sweep_groups SET cancelled_at = ${now}, updated_at = ${now}
      WHERE manage_hash = ${groupHash} AND cancelled_at IS NULL
        AND (SELECT starts_at FROM sweeps WHERE id = sweep_groups.sweep_id) > ${now}
      RETURNING id`,
    sql`INSERT INTO sweep_messages (signup_id, kind, recipient, created_at)
      SELECT id, 'cancelled', 'volunteer', ${now} FROM sweep_signups
      WHERE group_id = ${cancelledNow} AND status IN (${sql.raw(ACTIVE)}) AND name <> ''`,
    sql`UPDATE sweep_signups SET status = ${cancelledStatus(now)}, offered_until = NULL, updated_at = ${now}
      WHERE group_id = ${cancelledNow} AND status IN (${sql.raw(ACTIVE)})
      RETURNING id`,
    ...offerFreePlaces(
      sql`w.sweep_id = (SELECT sweep_id FROM sweep_groups WHERE manage_hash = ${groupHash})`,
      now,
      offerUntil,
    ),
  ];
}
