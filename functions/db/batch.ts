import { is, SQL } from "drizzle-orm";
import { SQLiteAsyncDialect } from "drizzle-orm/sqlite-core";
import type { Db } from "./client";

/** A statement for `runBatch`: a drizzle query builder, or raw `sql` for what builders cannot say. */
export type Statement = SQL | { toSQL(): { sql: string; params: unknown[] } };

const dialect = new SQLiteAsyncDialect({ casing: "snake_case" });

/**
 * Runs statements as one D1 batch (one transaction, in order). Used where a write needs SQL that
 * drizzle's own batch cannot carry (INSERT … SELECT, `WHERE changes() = 1`); results are D1's raw
 * results, rows keyed by column name.
 */
export function runBatch(db: Db, statements: readonly Statement[]): Promise<D1Result<Record<string, unknown>>[]> {
  const d1 = db.$client;
  return d1.batch(
    statements.map((s) => {
      const q = toQuery(s);
      return d1.prepare(q.sql).bind(...q.params);
    }),
  );
}

/** A statement's SQL and parameters, as D1 receives them. */
export function toQuery(s: Statement): { sql: string; params: unknown[] } {
  return is(s, SQL) ? dialect.sqlToQuery(s) : s.toSQL();
}
