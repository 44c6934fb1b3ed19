import { type SQL, sql } from "drizzle-orm";
import type { MessageRecipient } from "../../../src/shared/sweeps/wire";
import type { Statement } from "../batch";

// The outbox's own statements: what the sender takes (its marks are functions/db/outbox.ts's), the
// day-before reminders, the messages that tell everyone signed up to a sweep, and the staff
// console's view. Messages are written by the batches that cause them (signups.ts, consent, groups,
// staff edits); nothing here sends anything.

/** What a message is about and who gets it: its outbox row, the sign-up, the sweep and the group. */
const OUTBOX_ROW = sql`SELECT m.id, m.kind, m.recipient, m.created_at AS createdAt, m.sent_at AS sentAt,
    m.attempts, s.id AS signupId, s.name, s.phone, s.guardian_name AS guardianName, s.guardian_phone AS guardianPhone,
    g.contact_name AS groupName, g.contact_phone AS groupPhone, w.id AS sweepId, w.title, w.starts_at AS startsAt,
    w.meeting_point AS meetingPoint, w.community_id AS communityId
  FROM sweep_messages m
    JOIN sweep_signups s ON s.id = m.signup_id
    JOIN sweeps w ON w.id = s.sweep_id
    LEFT JOIN sweep_groups g ON g.id = s.group_id`;

export interface OutboxRow {
  id: number;
  kind: string;
  recipient: MessageRecipient;
  createdAt: string;
  sentAt: string | null;
  attempts: number;
  signupId: number;
  name: string;
  phone: string;
  guardianName: string | null;
  guardianPhone: string | null;
  groupName: string | null;
  groupPhone: string | null;
  sweepId: string;
  title: string;
  startsAt: string;
  meetingPoint: string;
  communityId: string;
}

/**
 * The sender's next messages, oldest first: not sent, under the attempt limit and written since
 * `since` (an old message would arrive stale: an offer long expired, a change long past). The
 * partial index of unsent messages keeps this short however large the outbox grows.
 */
export function unsentMessages(since: string, maxAttempts: number, limit: number): Statement {
  return sql`${OUTBOX_ROW}
    WHERE m.sent_at IS NULL AND m.attempts < ${maxAttempts} AND m.created_at >= ${since}
    ORDER BY m.id LIMIT ${limit}`;
}

/**
 * The day-before reminder: one per confirmed sign-up of an open sweep starting in [from, to), never
 * twice (the NOT EXISTS makes the statement safe to run every quarter hour).
 */
export function remindersStatement(from: string, to: string, now: string): Statement {
  return sql`INSERT INTO sweep_messages (signup_id, kind, recipient, created_at)
    SELECT s.id, 'reminder', 'volunteer', ${now}
    FROM sweeps w JOIN sweep_signups s ON s.sweep_id = w.id AND s.status = 'confirmed'
    WHERE w.state = 'open' AND w.starts_at >= ${from} AND w.starts_at < ${to}
      AND NOT EXISTS (SELECT 1 FROM sweep_messages r WHERE r.signup_id = s.id AND r.kind = 'reminder')`;
}

/** The sign-ups still holding or waiting for a place: the people told of a change or a cancellation. */
export const ACTIVE_STATUSES = sql.raw(`('confirmed', 'waitlisted', 'offered', 'pending_consent', 'reserved')`);

/**
 * Tells everyone signed up to `sweepId` as `kind`: each person with their own details (a group's
 * members once they are named), and each group's contact once, on the group's first row (where the
 * group's messages live), so a class whose members are not yet named still hears of it. Written
 * before any status change in the same batch, so it sees who was signed up.
 */
export function tellSignedUp(sweepId: string, kind: "sweep_changed" | "sweep_cancelled", now: string): Statement[] {
  return [
    sql`INSERT INTO sweep_messages (signup_id, kind, recipient, created_at)
      SELECT id, ${kind}, 'volunteer', ${now} FROM sweep_signups
      WHERE sweep_id = ${sweepId} AND status IN ${ACTIVE_STATUSES} AND status <> 'reserved'`,
    sql`INSERT INTO sweep_messages (signup_id, kind, recipient, created_at)
      SELECT min(id), ${kind}, 'group', ${now} FROM sweep_signups
      WHERE group_id IN (SELECT group_id FROM sweep_signups WHERE sweep_id = ${sweepId} AND group_id IS NOT NULL
          AND status IN ${ACTIVE_STATUSES})
      GROUP BY group_id`,
  ];
}

export type OutboxStatus = "unsent" | "sent" | "failed";

/** The staff console's outbox, newest first: `failed` are those the sender gave up on. */
export function outboxList(
  f: { status: OutboxStatus; sweepId?: string | undefined; limit: number },
  maxAttempts: number,
): Statement {
  const byStatus: Record<OutboxStatus, SQL> = {
    unsent: sql`m.sent_at IS NULL AND m.attempts < ${maxAttempts}`,
    sent: sql`m.sent_at IS NOT NULL`,
    failed: sql`m.sent_at IS NULL AND m.attempts >= ${maxAttempts}`,
  };
  const bySweep = f.sweepId ? sql` AND w.id = ${f.sweepId}` : sql``;
  return sql`${OUTBOX_ROW} WHERE ${byStatus[f.status]}${bySweep} ORDER BY m.id DESC LIMIT ${f.limit}`;
}
