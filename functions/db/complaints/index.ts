import { and, asc, desc, eq, gte, inArray, lt, lte, type Placeholder, sql } from "drizzle-orm";
import { type CaseState, CLOSED_STATES, STATES, UNLISTED_STATES } from "../../../src/shared/complaints/states";
import type { Statement } from "../batch";
import type { Db } from "../client";
import { preparedByKey } from "../prepared";

// Queries return drizzle builders: callers run them (`.get()` for one row, `.all()` for many), and
// the query-plan test reads their SQL.
import {
  complaintDailyCounts,
  complaintPhotos,
  complaintSupports,
  complaints,
  hotspotSnapshots,
  idempotencyKeys,
} from "../schema";
import { insertPhoto, type NewPhoto } from "./photos";

export type Complaint = typeof complaints.$inferSelect;

/**
 * The columns a public view is made from (functions/lib/complaints/public-view.ts `publicCase`, and
 * Open311's due time and unit): a public read never fetches the resident's name, phone, exact
 * point, address text or description, so nothing public can be computed from them; and every column
 * left out is one D1 and drizzle do not carry for each row of a list.
 */
export const publicComplaintColumns = {
  id: complaints.id,
  caseNumber: complaints.caseNumber,
  categoryId: complaints.categoryId,
  communityId: complaints.communityId,
  placeId: complaints.placeId,
  publicLat: complaints.publicLat,
  publicLng: complaints.publicLng,
  state: complaints.state,
  receivedAt: complaints.receivedAt,
  closedAt: complaints.closedAt,
  supporters: complaints.supporters,
  dueAt: complaints.dueAt,
  unitId: complaints.unitId,
};
export type PublicComplaintRow = Pick<Complaint, keyof typeof publicComplaintColumns>;
const OPEN_STATES = STATES.filter((s) => !CLOSED_STATES.includes(s));
// Listed publicly: not before staff read and accepted a case, nor once refused, so nothing a resident
// sent is published unread (src/shared/complaints/places.ts says what is shown).
const LISTED_STATES = STATES.filter((s) => !UNLISTED_STATES.includes(s));
const LISTED = {
  open: LISTED_STATES.filter((s) => OPEN_STATES.includes(s)),
  closed: LISTED_STATES.filter((s) => CLOSED_STATES.includes(s)),
};

export interface NewComplaint {
  /** "261127": the case-number day, China time. */
  numberDay: string;
  categoryId: string;
  communityId: string;
  unitId: string;
  /** The resident's own words: a private note for staff. */
  addressText: string;
  /** The public place, a gazetteer id. */
  placeId: string | null;
  lat: number | null;
  lng: number | null;
  publicLat: number | null;
  publicLng: number | null;
  description: string;
  reporterName: string | null;
  reporterPhone: string | null;
  callbackWanted: boolean;
  urgent: boolean;
  receivedAt: string;
  acceptDueAt: string;
  trackingHash: string;
  photos: NewPhoto[];
  /** `createdAt`: when the batch was sent, which tells a later retry from a concurrent one. */
  idempotency: { keyHash: string; requestHash: string; replayCipher: string; createdAt: string };
}

/**
 * Files a complaint as one batch: the day's counter, the case (numbered from the counter), its
 * photos and the idempotency record. The filing event and the hot-spot count follow from the case
 * by trigger (migrations/0004). All or nothing; a second use of the same Idempotency-Key fails the
 * batch on the key's primary key. The case insert returns the new id and case number.
 */
export function fileComplaintBatch(c: NewComplaint) {
  const byTracking = sql`(SELECT id FROM complaints WHERE tracking_hash = ${c.trackingHash})`;
  return [
    sql`INSERT INTO case_counters (day, n) VALUES (${c.numberDay}, 1)
      ON CONFLICT(day) DO UPDATE SET n = n + 1`,
    sql`INSERT INTO complaints (case_number, category_id, community_id, address_text, place_id, lat, lng, public_lat,
        public_lng, description, reporter_name, reporter_phone, callback_wanted, state, urgent, unit_id, accept_due_at,
        received_at, tracking_hash, updated_at)
      SELECT ${c.numberDay} || '-' || printf('%04d', n), ${c.categoryId}, ${c.communityId}, ${c.addressText},
        ${c.placeId}, ${c.lat}, ${c.lng}, ${c.publicLat}, ${c.publicLng}, ${c.description}, ${c.reporterName}, ${c.reporterPhone},
        ${c.callbackWanted ? 1 : 0}, 'received', ${c.urgent ? 1 : 0}, (SELECT id FROM units WHERE id = ${c.unitId}),
        ${c.acceptDueAt}, ${c.receivedAt}, ${c.trackingHash}, ${c.receivedAt}
      FROM case_counters WHERE day = ${c.numberDay}
      RETURNING id, case_number`,
    ...c.photos.map((p) => insertPhoto(byTracking, p, "report", c.receivedAt)),
    sql`INSERT INTO idempotency_keys (key_hash, request_hash, complaint_id, replay_cipher, created_at)
      VALUES (${c.idempotency.keyHash}, ${c.idempotency.requestHash}, ${byTracking}, ${c.idempotency.replayCipher},
        ${c.idempotency.createdAt})`,
  ] satisfies Statement[];
}

export function findIdempotency(db: Db, keyHash: string) {
  return db
    .select({
      requestHash: idempotencyKeys.requestHash,
      createdAt: idempotencyKeys.createdAt,
      replayCipher: idempotencyKeys.replayCipher,
      complaint: complaints,
    })
    .from(idempotencyKeys)
    .innerJoin(complaints, eq(idempotencyKeys.complaintId, complaints.id))
    .where(eq(idempotencyKeys.keyHash, keyHash));
}

export function findCaseByNumber(db: Db, caseNumber: string) {
  return db.select().from(complaints).where(eq(complaints.caseNumber, caseNumber));
}

export function findPhoto(db: Db, photoId: number) {
  return db
    .select({ photo: complaintPhotos, state: complaints.state })
    .from(complaintPhotos)
    .innerJoin(complaints, eq(complaintPhotos.complaintId, complaints.id))
    .where(eq(complaintPhotos.id, photoId));
}

/**
 * Open cases of a category filed since `since` whose published point lies inside a bounding box
 * (refined by distance in code). Only the published (≈ 100 m) point: an answer computed from the
 * exact one gave it away to a few dozen probes (issue 10).
 */
export function openCasesInBox(
  db: Db,
  q: { categoryId: string; since: string; minLat: number; maxLat: number; minLng: number; maxLng: number },
) {
  return db
    .select()
    .from(complaints)
    .where(
      and(
        eq(complaints.categoryId, q.categoryId),
        gte(complaints.receivedAt, q.since),
        inArray(complaints.state, OPEN_STATES),
        gte(complaints.publicLat, q.minLat),
        lte(complaints.publicLat, q.maxLat),
        gte(complaints.publicLng, q.minLng),
        lte(complaints.publicLng, q.maxLng),
      ),
    )
    .orderBy(desc(complaints.receivedAt))
    .limit(50);
}

/**
 * Adds one supporter, once: the insert is ignored for a repeat, and the count only rises when a
 * row went in (changes() reads the statement just before it in the same batch).
 */
export function supportBatch(db: Db, complaintId: number, supporterHash: string, at: string) {
  return [
    db.insert(complaintSupports).values({ complaintId, supporterHash, createdAt: at }).onConflictDoNothing(),
    sql`UPDATE complaints SET supporters = supporters + 1 WHERE id = ${complaintId} AND changes() = 1`,
    db.select({ supporters: complaints.supporters }).from(complaints).where(eq(complaints.id, complaintId)),
  ] satisfies Statement[];
}

/**
 * A guarded state change: the case row only if its version is still the one read, then its event.
 * The event's state is NULL, which its NOT NULL constraint refuses, unless the update changed
 * exactly one row: a stale write fails the whole batch, so nothing after it (audit row, photo,
 * supporters) can be written either. `isStaleWrite` recognises that failure.
 */
export function transitionBatch(
  db: Db,
  t: {
    complaintId: number;
    version: number;
    set: Partial<Complaint>;
    event: {
      at: string;
      action: string;
      fromState: CaseState;
      toState: CaseState;
      actorKind: "reporter" | "staff" | "system";
      actorId?: number | null;
      unitId?: string | null;
      note?: string | null;
      isPublic?: boolean;
      notePublic?: boolean;
    };
  },
) {
  const e = t.event;
  return [
    db
      .update(complaints)
      .set({ ...t.set, state: e.toState, version: sql`${complaints.version} + 1`, updatedAt: e.at })
      .where(and(eq(complaints.id, t.complaintId), eq(complaints.version, t.version))),
    sql`INSERT INTO complaint_events (complaint_id, at, action, from_state, to_state, actor_kind, actor_id, unit_id,
        note, is_public, note_public)
      VALUES (${t.complaintId}, ${e.at}, ${e.action}, ${e.fromState}, CASE WHEN changes() = 1 THEN ${e.toState} END,
        ${e.actorKind}, ${e.actorId ?? null}, ${e.unitId ?? null}, ${e.note ?? null}, ${e.isPublic === false ? 0 : 1},
        ${e.notePublic === false ? 0 : 1})`,
  ] satisfies Statement[];
}

/** Whether a batch failed because its guarded update found a newer version (see transitionBatch). */
export function isStaleWrite(err: unknown): boolean {
  return String((err as Error)?.message ?? err).includes("complaint_events.to_state");
}

/**
 * The public list, newest first, keyset-paginated by id; each case with the ids of the photos its
 * reporter sent, as a JSON array (one statement, not a second read for the photos; `publicCase`
 * decides whether they are shown). Outer columns are written qualified: drizzle would leave them bare.
 */
export function publicCases(
  db: Db,
  q: { before?: number | Placeholder | undefined; state?: "open" | "closed" | undefined; limit: number | Placeholder },
) {
  return db
    .select({
      complaint: publicComplaintColumns,
      reportPhotoIds: sql<string>`(SELECT json_group_array(p.id) FROM complaint_photos p
        WHERE p.complaint_id = complaints.id AND p.stage = 'report')`,
    })
    .from(complaints)
    .where(
      and(
        q.before !== undefined ? lt(complaints.id, q.before) : undefined,
        inArray(complaints.state, q.state ? LISTED[q.state] : LISTED_STATES),
      ),
    )
    .orderBy(desc(complaints.id))
    .limit(q.limit);
}

/**
 * `publicCases` compiled once per shape (functions/db/prepared.ts): the key is the state filter
 * ("", "open" or "closed") and whether a page cursor is given ("+before"), so six at most.
 * `.all({ before, limit })`.
 */
export const publicCasesOf = preparedByKey((db, key) => {
  const [state, before] = key.split("+");
  return publicCases(db, {
    state: state === "open" || state === "closed" ? state : undefined,
    before: before ? sql.placeholder("before") : undefined,
    limit: sql.placeholder("limit"),
  });
});

/** Cases filed in [from, to) (ISO instants, src/shared/time.ts periodInstants), for open data. */
export function casesFiledBetween(db: Db, from: string, to: string, limit: number) {
  return db
    .select()
    .from(complaints)
    .where(
      and(gte(complaints.receivedAt, from), lt(complaints.receivedAt, to), inArray(complaints.state, LISTED_STATES)),
    )
    .orderBy(asc(complaints.receivedAt))
    .limit(limit);
}

/** Counts per community and category over China-time days [fromDay, toDay], from the daily table. */
export function hotspotWindow(db: Db, fromDay: string, toDay: string) {
  return db
    .select({
      communityId: complaintDailyCounts.communityId,
      categoryId: complaintDailyCounts.categoryId,
      count: sql<number>`sum(${complaintDailyCounts.n})`,
    })
    .from(complaintDailyCounts)
    .where(and(gte(complaintDailyCounts.day, fromDay), lte(complaintDailyCounts.day, toDay)))
    .groupBy(complaintDailyCounts.communityId, complaintDailyCounts.categoryId);
}

/** The stored sums for a window through `throughDay`, if the cron has made them. */
export function hotspotSnapshot(db: Db, days: number, throughDay: string) {
  return db
    .select({ cells: hotspotSnapshots.cells })
    .from(hotspotSnapshots)
    .where(and(eq(hotspotSnapshots.days, days), eq(hotspotSnapshots.throughDay, throughDay)));
}

export function saveHotspotSnapshot(db: Db, s: typeof hotspotSnapshots.$inferInsert) {
  return db
    .insert(hotspotSnapshots)
    .values(s)
    .onConflictDoUpdate({
      target: [hotspotSnapshots.days, hotspotSnapshots.throughDay],
      set: { cells: s.cells, computedAt: s.computedAt },
    });
}

export function dropHotspotSnapshotsBefore(db: Db, day: string) {
  return db.delete(hotspotSnapshots).where(lt(hotspotSnapshots.throughDay, day));
}
