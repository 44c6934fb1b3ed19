import { is, SQL } from "drizzle-orm";
import { SQLiteAsyncDialect } from "drizzle-orm/sqlite-core";

/**
 * A statement for the batch port (`Platform.batch`): a drizzle query builder, or raw `sql` for what
 * builders cannot say (INSERT … SELECT, `WHERE changes() = 1`). Plain SQLite, so any SQLite driver
 * can run it once `toQuery` has compiled it.
 */
export type Statement = SQL | { toSQL(): { sql: string; params: unknown[] } };

const dialect = new SQLiteAsyncDialect({ casing: "snake_case" });

/** A statement's SQL and parameters, as the database receives them. */
export function toQuery(s: Statement): { sql: string; params: unknown[] } {
  return is(s, SQL) ? dialect.sqlToQuery(s) : s.toSQL();
}
