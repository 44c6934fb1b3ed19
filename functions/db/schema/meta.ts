import { sql } from "drizzle-orm";
import { sqliteTable, text } from "drizzle-orm/sqlite-core";

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
