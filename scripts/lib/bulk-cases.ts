import { CATEGORIES } from "../../src/shared/complaint-categories.ts";
import { COMMUNITIES } from "../../src/shared/geo.ts";

/**
 * One statement that fills the complaints table with `count` synthetic cases over the last two
 * years (spread over categories, communities, states and the district's area), for the benchmark's
 * query latencies. Case numbers start with "B" so they never meet real ones; no personal data.
 */
export function bulkCasesSql(count: number, now = Date.now()): string[] {
  const cats = CATEGORIES.map((c, i) => `(${i}, '${c.id}')`).join(", ");
  const comms = COMMUNITIES.map((c, i) => `(${i}, '${c.id}')`).join(", ");
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
  // Chunks keep each statement's work (and D1's statement time limit) modest.
  const CHUNK = 100_000;
  const statements: string[] = [];
  for (let from = 1; from <= count; from += CHUNK) {
    const to = Math.min(count, from + CHUNK - 1);
    statements.push(`INSERT INTO complaints (case_number, category_id, community_id, address_text, lat, lng, public_lat, public_lng,
        description, callback_wanted, state, urgent, accept_due_at, received_at, tracking_hash, updated_at)
      WITH RECURSIVE seq(i) AS (SELECT ${from} UNION ALL SELECT i + 1 FROM seq WHERE i < ${to}),
        cats(k, id) AS (VALUES ${cats}),
        comms(k, id) AS (VALUES ${comms}),
        pts AS (SELECT i,
          ${minLat} + ((i * 48271) % 100000) / 100000.0 * ${maxLat - minLat} AS lat,
          ${minLng} + ((i * 69621) % 100000) / 100000.0 * ${maxLng - minLng} AS lng,
          strftime('%Y-%m-%dT%H:%M:%fZ', ${nowSec} - (i * 63) % ${TWO_YEARS}, 'unixepoch') AS at FROM seq)
      SELECT 'B' || i, (SELECT id FROM cats WHERE k = (i * 7919) % ${CATEGORIES.length}),
        (SELECT id FROM comms WHERE k = (i * 104729) % ${COMMUNITIES.length}),
        '基准测试路', lat, lng, round(lat, 3), round(lng, 3), '基准测试数据', 0,
        (CASE (i % 8) ${states.map((st, k) => `WHEN ${k} THEN '${st}'`).join(" ")} END), 0, at, at, 'bench-' || i, at
      FROM pts`);
  }
  return statements;
}
