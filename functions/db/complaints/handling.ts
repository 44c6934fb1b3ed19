import { and, asc, desc, eq, gte, isNotNull, lt, lte, notInArray, sql } from "drizzle-orm";
import type { Metric } from "../../../src/shared/complaints/figures";
import type { CaseListQuery } from "../../../src/shared/complaints/staff-schemas";
import { PRE_DISPATCH_STATES } from "../../../src/shared/complaints/states";
import type { Statement } from "../batch";
import type { Db } from "../client";
import {
  complaintEvents,
  complaintFigureDays,
  complaintPhotos,
  complaints,
  open311ApiKeys,
  open311Requests,
  openStatesSql,
  staffUsers,
} from "../schema";

// Staff-side case queries: the lists, one case with everything its page shows, the figures, the
// export and the cron's chunked updates. Builders are returned; callers run them.

export interface CaseListScope {
  /** Set for a unit handler: only this unit's cases, whatever the filters say. */
  ownUnit: string | null;
}

/** The case list for one view (see CaseListQuerySchema), one page plus one row to tell if more follow. */
export function listCases(db: Db, q: CaseListQuery, scope: CaseListScope) {
  const unitId = scope.ownUnit ?? q.unitId;
  const filters = and(
    unitId ? eq(complaints.unitId, unitId) : undefined,
    // A unit sees a case once it was dispatched to it (see unitSees).
    scope.ownUnit ? notInArray(complaints.state, [...PRE_DISPATCH_STATES]) : undefined,
    q.categoryId ? eq(complaints.categoryId, q.categoryId) : undefined,
    q.communityId ? eq(complaints.communityId, q.communityId) : undefined,
    q.q ? eq(complaints.caseNumber, q.q) : undefined,
  );
  const base = db.select().from(complaints);
  const page = q.limit + 1;
  switch (q.view) {
    case "inbox":
      return base
        .where(and(eq(complaints.state, "received"), filters))
        .orderBy(desc(complaints.urgent), asc(complaints.receivedAt))
        .limit(page)
        .offset(q.offset ?? 0);
    case "queue":
      // Cases in a unit's hands: dispatched at least once, so they have a deadline (a NULL would sort
      // first, and the index walk would wade through every new report routed to the unit).
      return base
        .where(
          and(
            q.state ? eq(complaints.state, q.state) : sql`${complaints.state} IN ${openStatesSql}`,
            isNotNull(complaints.dueAt),
            filters,
          ),
        )
        .orderBy(asc(complaints.dueAt), asc(complaints.id))
        .limit(page)
        .offset(q.offset ?? 0);
    case "overdue":
      // The unary + keeps SQLite from reaching for an index on `state` (and sorting every open
      // case) when it has no statistics; the board's partial index repeats it, so it matches.
      return base
        .where(and(sql`${complaints.overdueAt} IS NOT NULL AND +${complaints.state} IN ${openStatesSql}`, filters))
        .orderBy(asc(complaints.overdueAt), asc(complaints.id))
        .limit(page)
        .offset(q.offset ?? 0);
    default:
      return base
        .where(
          and(
            q.state ? eq(complaints.state, q.state) : undefined,
            q.before ? lt(complaints.id, q.before) : undefined,
            filters,
          ),
        )
        .orderBy(desc(complaints.id))
        .limit(page);
  }
}

/** Everything the case page shows, in one batch: the case, its whole timeline with actors, photos, related cases. */
export function caseDetailReads(db: Db, id: number) {
  return [
    db.select().from(complaints).where(eq(complaints.id, id)),
    db
      .select({
        id: complaintEvents.id,
        at: complaintEvents.at,
        action: complaintEvents.action,
        fromState: complaintEvents.fromState,
        toState: complaintEvents.toState,
        actorKind: complaintEvents.actorKind,
        actorName: staffUsers.displayName,
        unitId: complaintEvents.unitId,
        note: complaintEvents.note,
        isPublic: complaintEvents.isPublic,
        notePublic: complaintEvents.notePublic,
      })
      .from(complaintEvents)
      .leftJoin(staffUsers, eq(complaintEvents.actorId, staffUsers.id))
      .where(eq(complaintEvents.complaintId, id))
      .orderBy(asc(complaintEvents.id)),
    db
      .select({ id: complaintPhotos.id, stage: complaintPhotos.stage })
      .from(complaintPhotos)
      .where(eq(complaintPhotos.complaintId, id))
      .orderBy(asc(complaintPhotos.id)),
    // The case this one was merged into, and the duplicates merged into this one.
    db
      .select({ id: complaints.id, caseNumber: complaints.caseNumber })
      .from(complaints)
      .where(sql`${complaints.id} = (SELECT merged_into FROM complaints WHERE id = ${id})`),
    db
      .select({ id: complaints.id, caseNumber: complaints.caseNumber })
      .from(complaints)
      .where(and(isNotNull(complaints.mergedInto), eq(complaints.mergedInto, id))),
    // Filed by an app through Open311: the key that filed it, the account id and picture link.
    db
      .select({
        accountId: open311Requests.accountId,
        mediaUrl: open311Requests.mediaUrl,
        keyHolder: open311ApiKeys.holder,
        keyPrefix: open311ApiKeys.prefix,
        keyRevokedAt: open311ApiKeys.revokedAt,
      })
      .from(open311Requests)
      .innerJoin(open311ApiKeys, eq(open311Requests.keyId, open311ApiKeys.id))
      .where(eq(open311Requests.complaintId, id)),
  ] as const;
}

export function findCase(db: Db, id: number) {
  return db.select().from(complaints).where(eq(complaints.id, id));
}

export function findCasePhoto(db: Db, caseId: number, photoId: number) {
  return db
    .select()
    .from(complaintPhotos)
    .where(and(eq(complaintPhotos.id, photoId), eq(complaintPhotos.complaintId, caseId)));
}

/** Merging: the duplicate's supporters and its reporter become the target's (once each). */
export function mergeSupportersInto(sourceId: number, targetId: number, at: string): Statement[] {
  return [
    sql`INSERT OR IGNORE INTO complaint_supports (complaint_id, supporter_hash, created_at)
      SELECT ${targetId}, supporter_hash, created_at FROM complaint_supports WHERE complaint_id = ${sourceId}`,
    // changes(): the supporters just carried over; + 1 for the duplicate's own reporter.
    sql`UPDATE complaints SET supporters = supporters + changes() + 1, updated_at = ${at} WHERE id = ${targetId}`,
  ];
}

/** Sums of each metric over China-time days [from, to], per unit or per category key. */
export function figureSums(db: Db, dim: "unit" | "category", from: string, to: string) {
  const f = complaintFigureDays;
  return db
    .select({
      key: f.key,
      received: sql<number>`sum(${f.received})`,
      responded_on_time: sql<number>`sum(${f.respondedOnTime})`,
      filed: sql<number>`sum(${f.filed})`,
      due: sql<number>`sum(${f.due})`,
      closed: sql<number>`sum(${f.closed})`,
      closed_on_time: sql<number>`sum(${f.closedOnTime})`,
      handled: sql<number>`sum(${f.handled})`,
      reworked: sql<number>`sum(${f.reworked})`,
      rated: sql<number>`sum(${f.rated})`,
      satisfied: sql<number>`sum(${f.satisfied})`,
    } satisfies Record<Metric | "key", unknown>)
    .from(f)
    .where(and(eq(f.dim, dim), gte(f.day, from), lte(f.day, to)))
    .groupBy(f.key);
}

/** One chunk of the export: cases received in [from, to) (ISO instants) after id `after`. */
export function exportChunk(db: Db, from: string, to: string, after: number, limit: number) {
  return db
    .select()
    .from(complaints)
    .where(and(gte(complaints.receivedAt, from), lt(complaints.receivedAt, to), sql`${complaints.id} > ${after}`))
    .orderBy(asc(complaints.id))
    .limit(limit);
}

/**
 * The cron's overdue marking, one chunk: a system event for each newly overdue case, then the mark.
 * The handling clock runs while dispatched, in progress or extended (not while suspended or sent back).
 * Both statements select the same rows (the batch runs alone), so every mark has its event.
 */
export function markOverdueChunk(now: string, chunk: number): Statement[] {
  const due = sql`(overdue_at IS NULL AND (
      (state IN ('dispatched', 'in_progress', 'extended') AND due_at < ${now})
      OR (state = 'received' AND accept_due_at < ${now})))`;
  const ids = sql`SELECT id FROM complaints WHERE ${due} ORDER BY id LIMIT ${chunk}`;
  return [
    sql`INSERT INTO complaint_events (complaint_id, at, action, from_state, to_state, actor_kind, unit_id, is_public,
        note_public)
      SELECT id, ${now}, 'mark_overdue', state, state, 'system', unit_id, 0, 0 FROM complaints WHERE id IN (${ids})`,
    sql`UPDATE complaints SET overdue_at = ${now} WHERE id IN (${ids})`,
  ];
}

/** The cron's anonymisation, one chunk: contact details of cases closed before `cutoff` are dropped. */
export function anonymiseChunk(now: string, cutoff: string, chunk: number): Statement {
  return sql`UPDATE complaints
    SET reporter_name = NULL, reporter_phone = NULL, callback_wanted = 0, lat = public_lat, lng = public_lng,
      contact_anonymised_at = ${now}
    WHERE id IN (SELECT id FROM complaints WHERE contact_anonymised_at IS NULL AND closed_at < ${cutoff}
      ORDER BY closed_at LIMIT ${chunk})`;
}
