// The query's own time, beside the HTTP round trip: under `wrangler dev` one request that runs a
// one-row `SELECT 1` already takes ~16 ms at p99 on this VM, so an end-to-end p99 cannot show whether
// a query keeps "< 20 ms". D1 reports each statement's SQLite time as `meta.duration`; this runs the
// Worker's own SQL (a drizzle builder's `.toSQL()`) N times against a persisted local D1 through
// wrangler's getPlatformProxy, with no wrangler dev on the same state (two workerd never share one
// SQLite file), and reports p50/p99 of `meta.duration` and of the wall time seen from Node.
import { registerHooks } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { getPlatformProxy } from "wrangler";

export interface TimedQuery {
  name: string;
  sql: string;
  params: unknown[];
}

export interface QueryTime {
  name: string;
  runs: number;
  /** Rows the query returned (the last run). */
  rows: number;
  /** D1's meta.duration: SQLite's time for the statement, ms. */
  sqlP50: number;
  sqlP99: number;
  /** Mean of meta.duration: the local D1 reports whole milliseconds, so a sub-ms query shows here. */
  sqlMean: number;
  /** Node → workerd → SQLite → Node, ms: the proxy's round trip on top of the query. */
  wallP50: number;
  wallP99: number;
}

/** What this file uses of a D1 binding (the Worker's types are not in the Node scripts' program). */
interface D1Like {
  prepare(sql: string): {
    bind(...values: unknown[]): { all(): Promise<{ results: unknown[]; meta: { duration: number } }> };
  };
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] ?? 0;
};

let hooked = false;
/**
 * Imports a Worker module (functions/…) into this Node process. The Worker's sources import without
 * extensions (the bundler resolves them), which Node's loader does not: a resolve hook tries `.ts`
 * and `/index.ts` for a relative import that Node cannot find as written.
 */
export async function importWorkerModule(path: string): Promise<unknown> {
  if (!hooked) {
    hooked = true;
    registerHooks({
      resolve(specifier, context, nextResolve) {
        try {
          return nextResolve(specifier, context);
        } catch (err) {
          if (!specifier.startsWith(".") || /\.[cm]?[jt]s$|\.json$/.test(specifier)) throw err;
          for (const suffix of [".ts", "/index.ts"]) {
            try {
              return nextResolve(`${specifier}${suffix}`, context);
            } catch {
              // try the next form
            }
          }
          throw err;
        }
      },
    });
  }
  return import(pathToFileURL(join(process.cwd(), path)).href);
}

/**
 * Runs each query `runs` times (after `warmup` uncounted runs) against the local D1 that
 * `wrangler dev --persist-to persistTo` keeps, one at a time.
 */
export async function timeQueries(
  persistTo: string,
  queries: readonly TimedQuery[],
  runs = 200,
  warmup = 20,
): Promise<QueryTime[]> {
  const proxy = await getPlatformProxy({
    configPath: "wrangler.toml",
    persist: { path: join(persistTo, "v3") },
    envFiles: [],
    remoteBindings: false,
  });
  try {
    const out: QueryTime[] = [];
    for (const q of queries) {
      const statement = (proxy.env.DB as D1Like).prepare(q.sql).bind(...q.params);
      const sql: number[] = [];
      const wall: number[] = [];
      let rows = 0;
      for (let i = 0; i < warmup + runs; i++) {
        const t0 = performance.now();
        const r = await statement.all();
        const t1 = performance.now();
        if (i < warmup) continue;
        wall.push(t1 - t0);
        sql.push(r.meta.duration);
        rows = r.results.length;
      }
      out.push({
        name: q.name,
        runs,
        rows,
        sqlP50: quantile(sql, 0.5),
        sqlP99: quantile(sql, 0.99),
        sqlMean: sql.reduce((a, b) => a + b, 0) / sql.length,
        wallP50: quantile(wall, 0.5),
        wallP99: quantile(wall, 0.99),
      });
    }
    return out;
  } finally {
    await proxy.dispose();
  }
}

export function printQueryTimes(title: string, rows: readonly QueryTime[]): void {
  console.log(`\n${title}\n`);
  console.log("| query | runs | rows | SQLite p50 ms | SQLite p99 ms | SQLite mean ms | wall p50 ms | wall p99 ms |");
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|");
  const ms = (x: number) => x.toFixed(2);
  for (const r of rows) {
    console.log(
      `| ${r.name} | ${r.runs} | ${r.rows} | ${ms(r.sqlP50)} | ${ms(r.sqlP99)} | ${ms(r.sqlMean)} | ${ms(r.wallP50)} | ${ms(r.wallP99)} |`,
    );
  }
}
