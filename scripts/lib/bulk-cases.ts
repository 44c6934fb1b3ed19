import { CATEGORIES } from "../../src/shared/complaints/categories.ts";
import { COMMUNITIES } from "../../src/shared/geo.ts";

/**
 * One statement that fills the complaints table with `count` synthetic cases over the last two
 * years (spread over categories, communities, states and the district's area), for the benchmark's
 * query latencies. Case numbers start with "B" so they never meet real ones; no personal data.
 */
export function bulkCasesSql(count: number, now = Date.now()): string[] {
  const cats = CATEGORIES.map((c, i) => `(${i}, '${c.id}')`).join(", ");
  const comms = COMMUNITIES.map((c, i) => `(${i}, '${c.id}', '${c.squad}')`).join(", ");
  const lats = COMMUNITIES.flatMap((c) => c.rings.flat().map((p) => p[1]));
  const lngs = COMMUNITIES.flatMap((c) => c.rings.flat().map((p) => p[0]));
  const [minLat, maxLat, minLng, maxLng] = [Math.min(...lats), Math.max(...lats), Math.min(...lngs), Math.max(...lngs)];
  const states = [
    "received",
    "dispatched",
    "in_progress",
    "handled",
    "closed_fixed",
    "closed_fixed",
    "closed_fixed",
    "closed_not_fixed",
  ];
  const nowSec = Math.floor(now / 1000);
  const TWO_YEARS = 2 * 365 * 86_400;
  const iso = (expr: string) => `strftime('%Y-%m-%dT%H:%M:%fZ', ${expr}, 'unixepoch')`;
  // Chunks keep each statement's work (and D1's statement time limit) modest.
  const CHUNK = 100_000;
  const statements: string[] = [];
  for (let from = 1; from <= count; from += CHUNK) {
    const to = Math.min(count, from + CHUNK - 1);
    // Every case carries the workflow's dates (decided, due, handled, closed, rated) as its state
    // implies, so the figures' daily counts and the staff queues are as dense as in real use.
    statements.push(`INSERT INTO complaints (case_number, category_id, community_id, unit_id, address_text, lat, lng,
        public_lat, public_lng, description, callback_wanted, state, urgent, accept_due_at, received_at, responded_at,
        accepted_at, due_at, handled_at, closed_at, rating, rated_at, tracking_hash, updated_at)
      WITH RECURSIVE seq(i) AS (SELECT ${from} UNION ALL SELECT i + 1 FROM seq WHERE i < ${to}),
        cats(k, id) AS (VALUES ${cats}),
        comms(k, id, squad) AS (VALUES ${comms}),
        pts AS (SELECT i,
          ${minLat} + ((i * 48271) % 100000) / 100000.0 * ${maxLat - minLat} AS lat,
          ${minLng} + ((i * 69621) % 100000) / 100000.0 * ${maxLng - minLng} AS lng,
          ${nowSec} - (i * 63) % ${TWO_YEARS} AS t,
          (CASE (i % 8) ${states.map((st, k) => `WHEN ${k} THEN '${st}'`).join(" ")} END) AS state FROM seq),
        rows AS (SELECT pts.*, comms.id AS community, comms.squad AS squad,
          state <> 'received' AS decided, state IN ('handled', 'closed_fixed', 'closed_not_fixed') AS handled,
          state LIKE 'closed%' AS closed FROM pts JOIN comms ON comms.k = (i * 104729) % ${COMMUNITIES.length})
      SELECT 'B' || i, (SELECT id FROM cats WHERE k = (i * 7919) % ${CATEGORIES.length}), community, squad,
        '基准测试路', lat, lng, round(lat, 3), round(lng, 3), '基准测试数据', 0, state, i % 50 = 0,
        ${iso("t + 1800")}, ${iso("t")},
        CASE WHEN decided THEN ${iso("t + CASE WHEN i % 10 = 0 THEN 2400 ELSE 600 END")} END,
        CASE WHEN decided THEN ${iso("t + CASE WHEN i % 10 = 0 THEN 2400 ELSE 600 END")} END,
        CASE WHEN decided THEN ${iso("t + 90000")} END,
        CASE WHEN handled THEN ${iso("t + 72000")} END,
        CASE WHEN closed THEN ${iso("t + CASE WHEN i % 9 = 0 THEN 100000 ELSE 79200 END")} END,
        CASE WHEN closed AND i % 3 <> 0 THEN
          CASE i % 10 WHEN 0 THEN 'dissatisfied' WHEN 1 THEN 'basically_satisfied' ELSE 'satisfied' END END,
        CASE WHEN closed AND i % 3 <> 0 THEN ${iso("t + 86400")} END,
        'bench-' || i, ${iso("t")}
      FROM rows`);
  }
  return statements;
}
