import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import {
  CLOSED_STATES,
  PENDING_REQUESTS,
  RATINGS,
  STATES,
  UNLISTED_STATES,
} from "../../../src/shared/complaints/states";
import { units } from "./staff";

/**
 * The open states as a literal SQL list: a partial index is used only when the query's WHERE repeats
 * its condition, and a list of bound parameters would not.
 */
export const openStatesSql = sql.raw(
  `(${STATES.filter((s) => !CLOSED_STATES.includes(s))
    .map((s) => `'${s}'`)
    .join(", ")})`,
);

/** The states with a public page (`hasPublicPage`), as literals for the same reason. */
export const publishedStatesSql = sql.raw(
  `(${STATES.filter((s) => !UNLISTED_STATES.includes(s))
    .map((s) => `'${s}'`)
    .join(", ")})`,
);

/**
 * A complaint case. The reporter's exact point, name and phone stay here and never leave through a
 * public view; `publicLat`/`publicLng` are the coarsened (≈ 100 m) coordinates that may.
 */
export const complaints = sqliteTable(
  "complaints",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    /** "YYMMDD-NNNN" in China time: short enough to read over the phone. */
    caseNumber: text().notNull().unique(),
    categoryId: text().notNull(),
    communityId: text().notNull(),
    /** What the resident typed about the place: a private note for staff, never shown in a public view. */
    addressText: text().notNull(),
    /**
     * The public place: a road or place of the gazetteer (content/complaints/gazetteer.geo.json), picked
     * by the resident, resolved from the published point, or set by staff on accepting. Null for cases
     * filed before the gazetteer: those show only their community.
     */
    placeId: text(),
    lat: real(),
    lng: real(),
    publicLat: real(),
    publicLng: real(),
    description: text().notNull(),
    reporterName: text(),
    reporterPhone: text(),
    callbackWanted: integer({ mode: "boolean" }).notNull().default(false),
    state: text({ enum: STATES }).notNull(),
    /** Optimistic concurrency: every change sets version = version + 1 WHERE version = the one read. */
    version: integer().notNull().default(1),
    urgent: integer({ mode: "boolean" }).notNull().default(false),
    /** The unit the category and place route the case to, until dispatch decides. */
    unitId: text().references(() => units.id),
    acceptDueAt: text().notNull(),
    dueAt: text(),
    receivedAt: text().notNull(),
    acceptedAt: text(),
    closedAt: text(),
    supporters: integer().notNull().default(0),
    trackingHash: text().notNull().unique(),
    mergedInto: integer(),
    rating: text({ enum: RATINGS }),
    ratingComment: text(),
    ratedAt: text(),
    reopenCount: integer().notNull().default(0),
    contactAnonymisedAt: text(),
    updatedAt: text().notNull(),
    /** The command centre's first decision (立案, 不予受理 or 合并): 响应率 compares it with acceptDueAt. */
    respondedAt: text(),
    /** When the unit first reported the case handled: 返工率 counts from here. */
    handledAt: text(),
    /** Verification sent it back to the unit, or the reporter reopened it: each counts as rework. */
    reworkCount: integer().notNull().default(0),
    /**
     * A unit's request awaiting the dispatcher: more time (with `pendingDays`) or a suspension. A
     * trigger guards the values (migrations/0008): a CHECK added here would rebuild the table.
     */
    pendingRequest: text({ enum: PENDING_REQUESTS }),
    pendingDays: integer(),
    /** Set by the cron when a deadline passed while the case was open; cleared by a new deadline. */
    overdueAt: text(),
  },
  (t) => [
    check("complaints_state_ck", sql`${t.state} IN (${sql.raw(STATES.map((s) => `'${s}'`).join(", "))})`),
    check(
      "complaints_rating_ck",
      sql`${t.rating} IS NULL OR ${t.rating} IN (${sql.raw(RATINGS.map((r) => `'${r}'`).join(", "))})`,
    ),
    check("complaints_supporters_ck", sql`${t.supporters} >= 0`),
    // A phone is only kept when a callback is wanted.
    check("complaints_phone_ck", sql`${t.reporterPhone} IS NULL OR ${t.callbackWanted} = 1`),
    index("complaints_received_idx").on(t.receivedAt),
    index("complaints_state_received_idx").on(t.state, t.receivedAt),
    index("complaints_category_received_idx").on(t.categoryId, t.receivedAt),
    // A unit's own queue: its open cases by deadline.
    index("complaints_unit_queue_idx").on(t.unitId, t.state, t.dueAt),
    // The dispatcher's inbox: urgent first, then oldest first.
    index("complaints_inbox_idx").on(t.state, sql`${t.urgent} DESC`, t.receivedAt),
    // Deadlines the cron checks.
    index("complaints_state_due_idx").on(t.state, t.dueAt),
    // Only open cases: a unit's queue by deadline and the overdue board read them in order, never
    // wading through the closed ones (queries must repeat the literal `state IN openStatesSql`).
    index("complaints_open_queue_idx").on(t.unitId, t.dueAt).where(sql`${t.state} IN ${openStatesSql}`),
    index("complaints_open_overdue_idx")
      .on(t.overdueAt)
      .where(sql`${t.overdueAt} IS NOT NULL AND +${t.state} IN ${openStatesSql}`),
    // Open311's window: published cases newest first, so a backlog of cases not yet accepted at the
    // head of the window is never waded through (queries must repeat `+state IN publishedStatesSql`;
    // the unary plus keeps the state index out of it, which would sort the window).
    index("complaints_published_received_idx").on(t.receivedAt).where(sql`+${t.state} IN ${publishedStatesSql}`),
    // A case's merged duplicates.
    index("complaints_merged_into_idx").on(t.mergedInto).where(sql`${t.mergedInto} IS NOT NULL`),
    // Closed cases whose contact details are still kept: what the anonymising cron walks.
    index("complaints_retention_idx").on(t.closedAt).where(sql`${t.contactAnonymisedAt} IS NULL`),
  ],
);

/** Every state change and public reply, in order: the timeline. */
export const complaintEvents = sqliteTable(
  "complaint_events",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    complaintId: integer()
      .notNull()
      .references(() => complaints.id),
    at: text().notNull(),
    action: text().notNull(),
    fromState: text(),
    toState: text().notNull(),
    actorKind: text({ enum: ["reporter", "staff", "system"] }).notNull(),
    actorId: integer(),
    unitId: text(),
    /** Shown to the reporter and the public (a reply, a reason); internal notes stay with staff. */
    note: text(),
    /** Whether the step shows on the reporter's timeline at all. */
    isPublic: integer({ mode: "boolean" }).notNull().default(true),
    /** Whether its note does: a reason given to the reporter, or an officer's internal remark. */
    notePublic: integer({ mode: "boolean" }).notNull().default(true),
  },
  (t) => [index("complaint_events_case_idx").on(t.complaintId, t.id)],
);

export const complaintPhotos = sqliteTable(
  "complaint_photos",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    complaintId: integer()
      .notNull()
      .references(() => complaints.id),
    r2Key: text().notNull().unique(),
    contentType: text().notNull(),
    bytes: integer().notNull(),
    width: integer().notNull(),
    height: integer().notNull(),
    stage: text({ enum: ["report", "result"] })
      .notNull()
      .default("report"),
    createdAt: text().notNull(),
  },
  (t) => [index("complaint_photos_case_idx").on(t.complaintId)],
);

/** "这是同一个问题": one row per person and case, so support is counted once. */
export const complaintSupports = sqliteTable(
  "complaint_supports",
  {
    complaintId: integer()
      .notNull()
      .references(() => complaints.id),
    supporterHash: text().notNull(),
    createdAt: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.complaintId, t.supporterHash] })],
);

/** The day's running number behind case numbers, bumped in the filing batch itself. */
export const caseCounters = sqliteTable("case_counters", {
  day: text().primaryKey(),
  n: integer().notNull(),
});

/**
 * Submissions by Idempotency-Key (stored hashed). Inserted in the filing batch, so a retry finds the
 * case; `replayCipher` holds the tracking token encrypted under the key itself, so only the client
 * that chose the key can be given the same answer again.
 */
export const idempotencyKeys = sqliteTable(
  "idempotency_keys",
  {
    keyHash: text().primaryKey(),
    /** A hash over the filing, contact included: overwritten when the contact is deleted or anonymised. */
    requestHash: text().notNull(),
    complaintId: integer()
      .notNull()
      .references(() => complaints.id),
    replayCipher: text().notNull(),
    createdAt: text().notNull(),
  },
  // A case's record, found when its contact goes (the reporter's deletion, the retention trigger).
  (t) => [index("idempotency_keys_complaint_idx").on(t.complaintId)],
);

/** Filed cases per day, community and category, kept in the filing batch: hot spots read this. */
export const complaintDailyCounts = sqliteTable(
  "complaint_daily_counts",
  {
    day: text().notNull(),
    communityId: text().notNull(),
    categoryId: text().notNull(),
    n: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.day, t.communityId, t.categoryId] }),
    // Covers the hot-spot sum: a 90-day window reads only this index, never the table's rows.
    index("complaint_daily_counts_window_idx").on(t.day, t.communityId, t.categoryId, t.n),
  ],
);

/**
 * Hot-spot sums for the window's closed days (through yesterday, China time), computed by the cron
 * trigger; a request adds today's live counts to them instead of summing 90 days of rows.
 */
export const hotspotSnapshots = sqliteTable(
  "hotspot_snapshots",
  {
    days: integer().notNull(),
    throughDay: text().notNull(),
    /** JSON: [[communityId, categoryId, count], …]. */
    cells: text().notNull(),
    computedAt: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.days, t.throughDay] })],
);

/**
 * The published figures' counts per China-time day, by unit and by category (`dim`): one row per
 * day and key with a column per metric (src/shared/complaints/figures.ts), kept by triggers on
 * `complaints` (migrations/0011). Each case adds its contributions and an update swaps the old row's
 * for the new row's, so a year of figures reads a few thousand rows, never the cases.
 */
export const complaintFigureDays = sqliteTable(
  "complaint_figure_days",
  {
    dim: text({ enum: ["unit", "category"] }).notNull(),
    day: text().notNull(),
    /** The unit id ("" when the case has none) or the category id. */
    key: text().notNull(),
    received: integer().notNull().default(0),
    respondedOnTime: integer().notNull().default(0),
    filed: integer().notNull().default(0),
    due: integer().notNull().default(0),
    closed: integer().notNull().default(0),
    closedOnTime: integer().notNull().default(0),
    handled: integer().notNull().default(0),
    reworked: integer().notNull().default(0),
    rated: integer().notNull().default(0),
    satisfied: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.dim, t.day, t.key] }),
    // Covers the period sums: they read only this index.
    index("complaint_figure_days_window_idx").on(
      t.dim,
      t.day,
      t.key,
      t.received,
      t.respondedOnTime,
      t.filed,
      t.due,
      t.closed,
      t.closedOnTime,
      t.handled,
      t.reworked,
      t.rated,
      t.satisfied,
    ),
  ],
);
