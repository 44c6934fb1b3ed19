import { eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { complaints } from "../schema";
import type { TrackingEvent } from "./tracking";

/** One public step of a case's timeline, as the tracking page has it: `note` only when staff wrote it for the public. */
export type PublicCaseEvent = TrackingEvent;

/**
 * A case's public page in ONE statement: the case row and, as JSON columns, its public events, its
 * photo ids by stage, the names of the units involved and the case a duplicate was merged into.
 * A note is kept only when staff wrote it and marked it public: a reporter's own words (a reopen
 * reason) and officers' internal remarks never reach the public view. Outer columns are written
 * qualified: drizzle would leave them bare, which inside a subquery names the subquery's own column.
 */
export function publicCaseRead(db: Db, caseNumber: string) {
  return db
    .select({
      complaint: complaints,
      events: sql<string>`(SELECT json_group_array(json_object('id', e.id, 'at', e.at, 'action', e.action,
          'toState', e.to_state, 'unitId', e.unit_id,
          'note', CASE WHEN e.note_public AND e.actor_kind = 'staff' THEN e.note END))
        FROM complaint_events e WHERE e.complaint_id = complaints.id AND e.is_public = 1)`,
      photos: sql<string>`(SELECT json_group_array(json_object('id', p.id, 'stage', p.stage))
        FROM complaint_photos p WHERE p.complaint_id = complaints.id)`,
      units: sql<string>`(SELECT json_group_array(json_object('id', u.id, 'name', u.name)) FROM units u
        WHERE u.id = complaints.unit_id
          OR u.id IN (SELECT ue.unit_id FROM complaint_events ue WHERE ue.complaint_id = complaints.id))`,
      mergedInto: sql<string | null>`(SELECT json_object('caseNumber', m.case_number, 'state', m.state)
        FROM complaints m WHERE m.id = complaints.merged_into)`,
    })
    .from(complaints)
    .where(eq(complaints.caseNumber, caseNumber));
}

/** Whether a case number exists and in which state: what the page route needs to answer 200 or 404. */
export function caseStateByNumber(db: Db, caseNumber: string) {
  return db.select({ state: complaints.state }).from(complaints).where(eq(complaints.caseNumber, caseNumber));
}
