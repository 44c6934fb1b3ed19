// Open311's list query on the big data set: its own SQLite time beside the end-to-end latency
// (scripts/bench/query-time.ts says why a `wrangler dev` p99 alone cannot show a query's time).
import { DEFAULT_PAGE_SIZE, requestsWindow } from "../../src/shared/open311/schemas.ts";
import { importWorkerModule, type QueryTime, type TimedQuery, timeQueries } from "./query-time.ts";

type Builder = { toSQL(): { sql: string; params: unknown[] } };

/** GET /open311/v2/requests.json's statement as the route builds it: the default window, page 1. */
async function open311Queries(now = Date.now()): Promise<TimedQuery[]> {
  const { publishedRequests } = (await importWorkerModule("functions/db/open311/published.ts")) as {
    publishedRequests(db: unknown, f: object): Builder;
  };
  const { createDb } = (await importWorkerModule("functions/db/client.ts")) as { createDb(d1: unknown): unknown };
  // Only .toSQL() is called: no binding is needed to build the statement.
  const db = createDb({});
  const window = requestsWindow({}, now);
  const list = publishedRequests(db, { from: window.from, to: window.to, limit: DEFAULT_PAGE_SIZE, offset: 0 });
  const closed = publishedRequests(db, { ...window, status: ["closed"], limit: DEFAULT_PAGE_SIZE, offset: 0 });
  return [
    { name: "Open311 requests, default window (publishedRequests)", ...list.toSQL() },
    { name: "Open311 requests, default window, status=closed", ...closed.toSQL() },
  ];
}

/** Open311's query times on the seeded state (no wrangler dev may hold `persistTo` meanwhile). */
export async function open311QueryTimes(persistTo: string): Promise<QueryTime[]> {
  return timeQueries(persistTo, await open311Queries());
}
