import { fillPlaceholders } from "drizzle-orm";
import type { Db } from "./client";

/** A compiled read: what drizzle's `.prepare()` gives for a select. */
interface Compiled {
  all(values?: Record<string, unknown>): Promise<unknown>;
  getQuery(): { sql: string; params: unknown[] };
  mapResult(response: unknown, isFromBatch?: boolean): unknown;
}

/**
 * A read drizzle compiles once per database instead of on every request. Building a select walks
 * every selected column through drizzle's `is()` checks, and for the public sweeps list that cost
 * the Worker about as much as a round trip to D1 (scripts/bench/profile.ts). `build` writes
 * `sql.placeholder(name)` where a request's values go; the caller fills them, alone with
 * `.all({ name: value })` or with others in one round trip with `readTogether`.
 * middleware/db.ts keeps one Db per D1 binding for the isolate's life, so this keeps one per Db.
 *
 * @example
 * const openSweeps = prepared((db) => openSweepsBetween(db, sql.placeholder("start"), sql.placeholder("end")));
 * const rows = await openSweeps(db).all({ start, end });
 */
export function prepared<P extends Compiled>(build: (db: Db) => { prepare(): P }): (db: Db) => P {
  const keyed = preparedByKey((db) => build(db));
  return (db) => keyed(db, "");
}

/**
 * `prepared` for a read whose shape depends on a value a placeholder cannot stand for (the length of
 * an IN list, say): one compiled read per key. The keys must be few and known (the data's service
 * points), never a request's free text, as each is kept for the isolate's life.
 */
export function preparedByKey<P extends Compiled>(build: (db: Db, key: string) => { prepare(): P }) {
  const byDb = new WeakMap<Db, Map<string, P>>();
  return (db: Db, key: string): P => {
    let queries = byDb.get(db);
    if (!queries) {
      queries = new Map();
      byDb.set(db, queries);
    }
    let query = queries.get(key);
    if (query === undefined) {
      query = build(db, key).prepare();
      queries.set(key, query);
    }
    return query;
  };
}

type Rows<P extends Compiled> = Awaited<ReturnType<P["all"]>>;

/**
 * Compiled reads in one D1 round trip, each with its placeholders' values: what `db.batch` does for
 * query builders, without compiling them again. Each result is what its `.all(values)` would give.
 */
export async function readTogether<const T extends readonly (readonly [Compiled, Record<string, unknown>])[]>(
  db: Db,
  reads: T,
): Promise<{ -readonly [K in keyof T]: Rows<T[K][0]> }> {
  const statements = reads.map(([query, values]) => {
    const { sql, params } = query.getQuery();
    return db.$client.prepare(sql).bind(...fillPlaceholders(params, values));
  });
  const results = await db.$client.batch(statements);
  return reads.map(([query], i) => query.mapResult(results[i], true)) as { -readonly [K in keyof T]: Rows<T[K][0]> };
}
