import { fillPlaceholders, is, SQL } from "drizzle-orm";
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

/**
 * Statements compiled once and then only filled: `build` writes them with `sql.placeholder(name)`
 * for every value, and each call fills the placeholders from `values` (a missing one throws). For
 * the public writes, whose SQL never changes but whose values do: compiling drizzle's `sql` on
 * every request was the largest piece of a sign-up's own JavaScript after the crypto (see README,
 * Benchmark). Kept per database, as `prepared` is, since a builder inside may need one.
 */
export function compiledOnce<V extends object, D extends object>(
  build: (db: D) => Statement[],
): (db: D, values: V) => Statement[] {
  const byDb = new WeakMap<D, { sql: string; params: unknown[] }[]>();
  return (db, values) => {
    let queries = byDb.get(db);
    if (!queries) {
      queries = build(db).map(toQuery);
      byDb.set(db, queries);
    }
    return queries.map(({ sql, params }) => ({
      toSQL: () => ({ sql, params: fillPlaceholders(params, values as Record<string, unknown>) }),
    }));
  };
}
