import { eq, sql } from "drizzle-orm";
import type { Db } from "./client";
import { prepared, readTogether } from "./prepared";
import { Recent } from "./recent";
import { changeCounters } from "./schema";

type Counter = (typeof changeCounters.$inferSelect)["name"];
type Reads = Parameters<typeof readTogether>[1];

const counterOf = prepared((db) =>
  db
    .select({ n: changeCounters.n })
    .from(changeCounters)
    .where(eq(changeCounters.name, sql.placeholder("name"))),
);

/** Kept results per database; a request's own period is part of a key, so they are bounded. */
const keptByDb = new WeakMap<Db, Recent<{ n: number; results: unknown }>>();

/**
 * `readTogether` for a public list's reads, kept by this isolate while the feature's change counter
 * (migrations/0026: triggers move it in the same statement as any write the list reads from) stands
 * still. A kept answer costs one round trip for the counter, about as much as the platform floor's
 * `SELECT 1`, instead of the rows: the public lists are read far more often than written. The
 * counter and the rows are read in one batch, so the rows kept are those the counter names.
 * `key` tells reads apart (their values); the reads must not depend on the time of the request.
 */
export async function readKept<const T extends Reads>(
  db: Db,
  counter: Counter,
  key: string,
  reads: T,
): Promise<Awaited<ReturnType<typeof readTogether<T>>>> {
  type Results = Awaited<ReturnType<typeof readTogether<T>>>;
  let kept = keptByDb.get(db);
  if (!kept) {
    kept = new Recent(200);
    keptByDb.set(db, kept);
  }
  const at = `${counter} ${key}`;
  const before = kept.get(at);
  if (before) {
    const [row] = await counterOf(db).all({ name: counter });
    if (row?.n === before.n) return before.results as Results;
  }
  const [[row], ...results] = await readTogether(db, [[counterOf(db), { name: counter }], ...reads]);
  if (row) kept.set(at, { n: row.n, results });
  return results as unknown as Results;
}
