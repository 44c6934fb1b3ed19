// The sweeps' rows of `npm run bench`: the public list and the sign-up against the platform floor
// (floor.ts), and the list, roster and coverage (staff figures) with 5,000 sweeps and 100,000
// sign-ups seeded (big-data.ts). Synthetic data only: ids start with "bs"/"bn", phones are made up.
import type autocannon from "autocannon";
import { COMMUNITIES } from "../../src/shared/geo.ts";
import { addDays, chinaDay } from "../../src/shared/time.ts";
import { asNewResident, type LoadResult, load, type Target } from "./load.ts";
import { importWorkerModule, type QueryTime, type TimedQuery, timeQueries } from "./query-time.ts";

const DAY_SEC = 86_400;
const iso = (expr: string) => `strftime('%Y-%m-%dT%H:%M:%fZ', ${expr}, 'unixepoch')`;
const communities = () =>
  COMMUNITIES.map((c, i) => {
    const ring = c.rings[0] ?? [];
    const lat = ring.reduce((s, p) => s + p[1], 0) / Math.max(1, ring.length);
    const lng = ring.reduce((s, p) => s + p[0], 0) / Math.max(1, ring.length);
    return `(${i}, '${c.id}', ${lat}, ${lng})`;
  }).join(", ");

/**
 * `count` open sweeps with ids `${prefix}00000000`…, one per community in turn, starting `firstDay`
 * days from now and every `everySec` seconds per round of the communities; 3 hours each.
 */
function sweepsSql(prefix: string, count: number, firstDay: number, everySec: number, capacity: number, now: number) {
  const start = Math.floor(now / 1000) + firstDay * DAY_SEC;
  const n = COMMUNITIES.length;
  return `INSERT INTO sweeps (id, title, community_id, starts_at, ends_at, meeting_point, lat, lng, capacity,
      waitlist_limit, min_age, organiser, leader_contact, insurance_ref, state, cancel_cutoff_at, created_at, updated_at)
    WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i < ${count - 1}),
      comms(k, id, lat, lng) AS (VALUES ${communities()})
    SELECT '${prefix}' || printf('%08d', i), '基准测试清扫', comms.id,
      ${iso(`${start} + (i / ${n}) * ${everySec}`)}, ${iso(`${start} + (i / ${n}) * ${everySec} + 10800`)},
      '社区工作站门口', comms.lat, comms.lng, ${capacity}, 0, 16, '基准测试中队 · 青溪区团委', '基准 0571-0000 0000',
      'BENCH-INS', 'open', ${iso(`${start} + (i / ${n}) * ${everySec} - ${DAY_SEC}`)},
      ${iso(`${Math.floor(now / 1000) - 400 * DAY_SEC}`)}, ${iso(`${Math.floor(now / 1000) - 400 * DAY_SEC}`)}
    FROM seq JOIN comms ON comms.k = i % ${n}`;
}

/** Sweeps the sign-up row spreads its requests over, two months ahead (outside the list's four weeks). */
export const SIGNUP_SWEEPS = 100;
export function signupSweepsSql(now = Date.now()): string[] {
  return [sweepsSql("bn", SIGNUP_SWEEPS, 60, 3 * 3600, 100_000, now)];
}

export const BIG_SWEEPS = 5000;
export const BIG_SIGNUPS = 100_000;

/**
 * 5,000 sweeps over a year around today (half past, half to come) and 100,000 sign-ups, 20 a sweep;
 * the past ones attended (90 %, 150 minutes) or no-shows (10 %); 40 schools.
 */
export function bigSweepsSql(now = Date.now()): string[] {
  const slots = Math.ceil(BIG_SWEEPS / COMMUNITIES.length);
  const every = Math.floor((364 * DAY_SEC) / slots);
  const nowIso = new Date(now).toISOString();
  const statements = [sweepsSql("bs", BIG_SWEEPS, -182, every, 30, now)];
  const CHUNK = 50_000;
  for (let from = 0; from < BIG_SIGNUPS; from += CHUNK) {
    const to = Math.min(BIG_SIGNUPS, from + CHUNK) - 1;
    statements.push(`INSERT INTO sweep_signups (sweep_id, manage_hash, person_key, name, phone, organisation, birth_month,
        status, attendance, minutes, created_at, updated_at)
      WITH RECURSIVE seq(j) AS (SELECT ${from} UNION ALL SELECT j + 1 FROM seq WHERE j < ${to})
      SELECT s.id, 'bench-manage-' || j, 'bench-person-' || j, '基准志愿者', '13900000000', '基准学校' || (j % 40),
        '2004-05', 'confirmed',
        CASE WHEN s.ends_at < '${nowIso}' THEN CASE WHEN j % 10 = 0 THEN 'no_show' ELSE 'attended' END END,
        CASE WHEN s.ends_at < '${nowIso}' AND j % 10 <> 0 THEN 150 END,
        strftime('%Y-%m-%dT%H:%M:%fZ', s.starts_at, '-7 days'), strftime('%Y-%m-%dT%H:%M:%fZ', s.starts_at, '-7 days')
      FROM seq JOIN sweeps s ON s.id = 'bs' || printf('%08d', j % ${BIG_SWEEPS})`);
  }
  return statements;
}

let signups = 0;
/** A new person each request (phone, Idempotency-Key, client address), over the bench's sweeps in turn. */
function asNewVolunteer(req: autocannon.Request): autocannon.Request {
  const n = ++signups;
  const r = asNewResident(req);
  r.path = `/api/sweeps/bn${String(n % SIGNUP_SWEEPS).padStart(8, "0")}/signups`;
  r.body = JSON.stringify({
    name: "基准志愿者",
    phone: `13${String(n + 100_000_000 * (process.pid % 9)).padStart(9, "0")}`,
    organisation: "青溪大学",
    birthMonth: "2003-05",
    consent: true,
  });
  return r;
}

/** The floor table's sweeps rows. */
export function sweepsFloorTargets(url: string, label: string): (Target & { target: number })[] {
  return [
    { name: `GET /api/sweeps (public list)${label}`, url: `${url}/api/sweeps`, target: 0.7 },
    {
      name: `POST /api/sweeps/:id/signups${label}`,
      url: `${url}/api/sweeps/bn00000000/signups`,
      method: "POST",
      headers: { "content-type": "application/json" },
      // Throttled per client (SWEEP_LIMITER): each request a new volunteer from a new address.
      setupRequest: asNewVolunteer,
      target: 0.5,
    },
  ];
}

/** List, roster and coverage with the big data set, one connection (service time, not queueing). */
export async function sweepsLatency(url: string, coordinator: string, duration: number): Promise<LoadResult[]> {
  const today = chinaDay();
  const mid = `bs${String(Math.floor(BIG_SWEEPS / 2) + 24).padStart(8, "0")}`;
  const rows: [string, string][] = [
    ["GET /api/sweeps (4 weeks, 5k sweeps seeded)", "/api/sweeps"],
    ["GET /api/staff/sweeps/:id/signups (roster)", `/api/staff/sweeps/${mid}/signups`],
    [
      "GET /api/staff/sweeps/coverage, 4 weeks",
      `/api/staff/sweeps/coverage?from=${addDays(today, -13)}&to=${addDays(today, 14)}`,
    ],
    [
      "GET /api/staff/sweeps/coverage, 365 days",
      `/api/staff/sweeps/coverage?from=${addDays(today, -182)}&to=${addDays(today, 182)}`,
    ],
    ["GET /api/staff/sweeps/figures, 4 weeks", `/api/staff/sweeps/figures?from=${addDays(today, -27)}&to=${today}`],
    ["GET /api/staff/sweeps/figures, 365 days", `/api/staff/sweeps/figures?from=${addDays(today, -364)}&to=${today}`],
  ];
  const out: LoadResult[] = [];
  for (const [name, path] of rows) {
    out.push(await load({ name, url: `${url}${path}`, headers: { cookie: coordinator } }, 1, duration));
  }
  return out;
}

type Builder = { toSQL(): { sql: string; params: unknown[] } };

/**
 * The SQL of the list, a roster and the coverage, as the routes build it (functions/db/sweeps/*),
 * for timeQueries: the list's sweeps and targets over its default four weeks from now, a roster of
 * a sweep in the middle of the year, and the coverage's tallies over four weeks and a year.
 */
export async function sweepsQueries(now = new Date()): Promise<TimedQuery[]> {
  const reads = (await importWorkerModule("functions/db/sweeps/index.ts")) as {
    openSweepsBetween(db: unknown, start: string, end: string): Builder;
    rosterOf(db: unknown, sweepId: string): Builder;
  };
  const figures = (await importWorkerModule("functions/db/sweeps/figures.ts")) as {
    coverageTallies(db: unknown, start: string, end: string, now: string): Builder;
    targetsOverlapping(db: unknown, from: string, toExclusive: string): Builder;
  };
  const { createDb } = (await importWorkerModule("functions/db/client.ts")) as { createDb(d1: unknown): unknown };
  // Only .toSQL() is called: no binding is needed to build the statement.
  const db = createDb({});
  const today = chinaDay(now);
  const instant = (day: string) => new Date(`${day}T00:00:00+08:00`).toISOString();
  const mid = `bs${String(Math.floor(BIG_SWEEPS / 2) + 24).padStart(8, "0")}`;
  const q = (name: string, b: Builder): TimedQuery => ({ name, ...b.toSQL() });
  return [
    q(
      "list: open sweeps, next 4 weeks (openSweepsBetween)",
      reads.openSweepsBetween(db, now.toISOString(), instant(addDays(today, 28))),
    ),
    q("list: targets of the 4 weeks (targetsOverlapping)", figures.targetsOverlapping(db, today, addDays(today, 28))),
    q("roster of a sweep (rosterOf)", reads.rosterOf(db, mid)),
    q(
      "coverage, 4 weeks (coverageTallies)",
      figures.coverageTallies(db, instant(addDays(today, -13)), instant(addDays(today, 15)), now.toISOString()),
    ),
    q(
      "coverage, 365 days (coverageTallies)",
      figures.coverageTallies(db, instant(addDays(today, -182)), instant(addDays(today, 183)), now.toISOString()),
    ),
  ];
}

/** The sweeps' query times on the seeded state (no wrangler dev may hold `persistTo` meanwhile). */
export async function sweepsQueryTimes(persistTo: string): Promise<QueryTime[]> {
  return timeQueries(persistTo, await sweepsQueries());
}
