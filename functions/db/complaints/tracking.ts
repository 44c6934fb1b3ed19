import { eq, type SQL, sql } from "drizzle-orm";
import { CONTACT_DELETED_ACTION } from "../../../src/shared/complaints/personal-data";
import type { CaseState } from "../../../src/shared/complaints/states";
import type { Db } from "../client";
import { complaints } from "../schema";

/** One public step of a case's timeline, as the tracking page shows it. */
export interface TrackingEvent {
  id: number;
  at: string;
  action: string;
  toState: string;
  unitId: string | null;
  note: string | null;
}

/** What an Open311 filing holds about its reporter: null fields for what the app did not send or was deleted. */
export interface TrackedOpen311 {
  accountId: string | null;
  mediaUrl: string | null;
}

/** The rows `trackingRead` returns; its JSON columns are parsed by `parseTrackingRow`. */
export type TrackingRow = Awaited<ReturnType<ReturnType<typeof trackingRead>["get"]>>;
type By = { trackingHash: string } | { caseNumber: string };

/**
 * Everything the tracking page shows in ONE statement: the case row, and as JSON columns its public
 * events, its photos, the names of the units involved, the case a duplicate was merged into and what
 * an Open311 filing kept about the reporter, all
 * matched by the tracking secret's hash or by the case number. One statement, not a batch of five:
 * each statement costs D1 (and the local emulator) a round of work of its own, and the page is read
 * far more often than any case changes.
 */
export function trackingRead(db: Db, by: By) {
  return trackingQuery(
    db,
    "trackingHash" in by ? eq(complaints.trackingHash, by.trackingHash) : eq(complaints.caseNumber, by.caseNumber),
  );
}

function trackingQuery(db: Db, match: SQL) {
  return db
    .select({
      complaint: complaints,
      // Written as SQL, outer columns qualified: drizzle leaves a column of a one-table select
      // unqualified, and inside a subquery that would name the subquery's own column.
      // An officer's internal remark on a public step stays internal. Order is restored in code:
      // json_group_array keeps no order a query can rely on.
      events: sql<string>`(SELECT json_group_array(json_object('id', e.id, 'at', e.at, 'action', e.action,
          'toState', e.to_state, 'unitId', e.unit_id, 'note', CASE WHEN e.note_public THEN e.note END))
        FROM complaint_events e WHERE e.complaint_id = complaints.id AND e.is_public = 1)`,
      photos: sql<string>`(SELECT json_group_array(json_object('id', p.id, 'stage', p.stage))
        FROM complaint_photos p WHERE p.complaint_id = complaints.id)`,
      units: sql<string>`(SELECT json_group_array(json_object('id', u.id, 'name', u.name)) FROM units u
        WHERE u.id = complaints.unit_id
          OR u.id IN (SELECT ue.unit_id FROM complaint_events ue WHERE ue.complaint_id = complaints.id))`,
      // When the reporter deleted their contact details: an internal event, so read on its own.
      contactDeletedAt: sql<string | null>`(SELECT max(d.at) FROM complaint_events d
        WHERE d.complaint_id = complaints.id AND d.action = ${CONTACT_DELETED_ACTION})`,
      // The case a duplicate was merged into: its reporter follows that one from now on.
      mergedInto: sql<string | null>`(SELECT json_object('caseNumber', m.case_number, 'state', m.state,
          'dueAt', m.due_at) FROM complaints m WHERE m.id = complaints.merged_into)`,
      // What an app's Open311 filing kept about the reporter (personal data, see personal-data.ts).
      open311: sql<string | null>`(SELECT json_object('accountId', o.account_id, 'mediaUrl', o.media_url)
        FROM open311_requests o WHERE o.complaint_id = complaints.id)`,
    })
    .from(complaints)
    .where(match);
}

/**
 * The two tracking statements, built once per drizzle instance (so once per D1 binding): building
 * a select of the case's forty columns costs drizzle more CPU than everything else in the lookup.
 */
const prepared = new WeakMap<Db, ReturnType<typeof prepareTracking>>();
function prepareTracking(db: Db) {
  return {
    byHash: trackingQuery(db, eq(complaints.trackingHash, sql.placeholder("key"))).prepare(),
    byNumber: trackingQuery(db, eq(complaints.caseNumber, sql.placeholder("key"))).prepare(),
  };
}

/** Runs the tracking statement (see `trackingRead`) for a tracking hash or a case number. */
export function findTracking(db: Db, by: By): Promise<TrackingRow> {
  let p = prepared.get(db);
  if (!p) {
    p = prepareTracking(db);
    prepared.set(db, p);
  }
  return "trackingHash" in by ? p.byHash.get({ key: by.trackingHash }) : p.byNumber.get({ key: by.caseNumber });
}

/** The tracking row with its JSON columns read back, events and photos in the order they were made. */
export function parseTrackingRow(row: NonNullable<TrackingRow>) {
  const byId = (a: { id: number }, b: { id: number }) => a.id - b.id;
  return {
    complaint: row.complaint,
    events: (JSON.parse(row.events) as TrackingEvent[]).sort(byId),
    photos: (JSON.parse(row.photos) as { id: number; stage: "report" | "result" }[]).sort(byId),
    units: JSON.parse(row.units) as { id: string; name: string }[],
    mergedInto: row.mergedInto
      ? (JSON.parse(row.mergedInto) as { caseNumber: string; state: CaseState; dueAt: string | null })
      : null,
    contactDeletedAt: row.contactDeletedAt,
    open311: row.open311 ? (JSON.parse(row.open311) as TrackedOpen311) : null,
  };
}
