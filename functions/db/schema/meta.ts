import { sql } from "drizzle-orm";
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * Key/value facts about this database itself: the demo seed's version, so seeding is idempotent and
 * `npm start` can be run again and again on the same local D1.
 */
export const appMeta = sqliteTable("app_meta", {
  key: text().primaryKey(),
  value: text().notNull(),
  updatedAt: text().notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
});

/** The default of every timestamp column: UTC, milliseconds, ISO 8601. */
export const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

/**
 * A counter per feature that triggers (migrations/0026) move on every write its public lists read
 * from: a Worker keeps such a list's rows while the counter stands still (functions/db/kept-reads.ts).
 */
export const changeCounters = sqliteTable("change_counters", {
  name: text({ enum: ["sweeps", "appointments"] }).primaryKey(),
  n: integer().notNull().default(0),
});
