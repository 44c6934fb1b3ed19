import { and, desc, gte, inArray, lte, sql } from "drizzle-orm";
import { type CaseState, CLOSED_STATES, STATES, UNLISTED_STATES } from "../../../src/shared/complaints/states";
import type { Db } from "../client";
import { publicComplaintColumns } from "../complaints/index";
import { complaints, publishedStatesSql } from "../schema";

/** Only cases with a public page are published (hasPublicPage): never `received` or `not_accepted`. */
const PUBLISHED = STATES.filter((s) => !UNLISTED_STATES.includes(s));
const PUBLISHED_BY_STATUS: Record<"open" | "closed", CaseState[]> = {
  open: PUBLISHED.filter((s) => !CLOSED_STATES.includes(s)),
  closed: PUBLISHED.filter((s) => CLOSED_STATES.includes(s)),
};

/** What GET requests asks for: case numbers (which override the rest), or a window and filters. */
export type PublishedRequestsFilter =
  | { caseNumbers: string[] }
  | {
      categoryIds?: string[];
      status?: ("open" | "closed")[];
      /** [from, to], ISO instants, on the time the case was received. */
      from: string;
      to: string;
      limit: number;
      offset: number;
    };

/**
 * Open311's GET requests in ONE statement, newest first: each published case with the public
 * facts the view adds to `publicCase` as columns: its first report photo, the unit's name, the
 * time of its latest public event and staff's latest public reply (the case page's rule: a note
 * staff wrote and marked public, never a resident's words). The window is read through
 * complaints_received_idx (or complaints_category_received_idx with service_code) newest first,
 * so the default window stops after one page (tests/api/open311/query-plan.test.ts). Outer
 * columns are written qualified: drizzle would leave them bare, which inside a subquery names its own.
 */
export function publishedRequests(db: Db, f: PublishedRequestsFilter) {
  const byNumber = "caseNumbers" in f;
  const states = byNumber || !f.status ? PUBLISHED : f.status.flatMap((s) => PUBLISHED_BY_STATUS[s]);
  const query = db
    .select({
      complaint: publicComplaintColumns,
      photoId: sql<number | null>`(SELECT min(p.id) FROM complaint_photos p
        WHERE p.complaint_id = complaints.id AND p.stage = 'report')`,
      unitName: sql<string | null>`(SELECT u.name FROM units u WHERE u.id = complaints.unit_id)`,
      lastPublicAt: sql<string | null>`(SELECT max(e.at) FROM complaint_events e
        WHERE e.complaint_id = complaints.id AND e.is_public = 1)`,
      reply: sql<string | null>`(SELECT e.note FROM complaint_events e
        WHERE e.complaint_id = complaints.id AND e.is_public = 1 AND e.note_public = 1
          AND e.actor_kind = 'staff' AND e.note IS NOT NULL
        ORDER BY e.id DESC LIMIT 1)`,
    })
    .from(complaints)
    .where(
      byNumber
        ? and(inArray(complaints.caseNumber, f.caseNumbers), inArray(complaints.state, states))
        : and(
            gte(complaints.receivedAt, f.from),
            lte(complaints.receivedAt, f.to),
            f.categoryIds ? inArray(complaints.categoryId, f.categoryIds) : undefined,
            // Along complaints_published_received_idx (its WHERE, repeated literally): published
            // cases only, newest first, so cases not yet accepted are never read; "+state", not the
            // state index, which would read the whole window and sort it. A status narrows further.
            sql`+${complaints.state} IN ${publishedStatesSql}`,
            f.status ? inArray(sql`+${complaints.state}`, states) : undefined,
          ),
    )
    .orderBy(desc(complaints.receivedAt), desc(complaints.id));
  return byNumber ? query.limit(f.caseNumbers.length) : query.limit(f.limit).offset(f.offset);
}

export type PublishedRequestRow = Awaited<ReturnType<ReturnType<typeof publishedRequests>["all"]>>[number];
