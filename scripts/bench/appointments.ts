// The appointments' rows of `npm run bench`: the free-slot listing and the booking against the
// platform floor (floor.ts), and the listing with 200,000 bookings seeded (big-data.ts), end to end
// and as the query's own SQLite time (query-time.ts). Synthetic data only: booking numbers start
// with "BENCH", phones are made up, person keys are not HMACs of any phone.
import autocannon from "autocannon";
import { BOOKING_RULES, SERVICE_IDS, SERVICE_POINTS, type ServiceId } from "../../src/shared/appointments/points.ts";
import { clockMinutes, WEEKDAY_KEYS } from "../../src/shared/appointments/template.ts";
import { addDays, chinaDay, dayStart } from "../../src/shared/time.ts";
import { groupCpuSeconds } from "./cpu.ts";
import { asNewResident, type LoadResult, load, type Target } from "./load.ts";
import { importWorkerModule, type QueryTime, type TimedQuery, timeQueries } from "./query-time.ts";

const DAY_SEC = 86_400;

// ---- the floor table ----

/** Places free now in the booking horizon, one entry per place, the three services taken in turn. */
async function freePlaces(url: string): Promise<string[]> {
  const lists: string[][] = [];
  for (const service of SERVICE_IDS) {
    const res = await fetch(`${url}/api/appointments/slots?point=any&service=${service}`);
    if (!res.ok) throw new Error(`GET /slots failed: ${res.status}`);
    const { slots } = (await res.json()) as { slots: { id: string; start: string; placesLeft: number }[] };
    // A slot that passes its notice period during the row would answer 422: leave the next hour's out.
    const notice = BOOKING_RULES.services.find((s) => s.id === service)?.noticeHours ?? 0;
    const earliest = new Date(Date.now() + (notice + 1) * 3_600_000).toISOString();
    lists.push(slots.filter((s) => s.start >= earliest).flatMap((s) => Array<string>(s.placesLeft).fill(s.id)));
  }
  const out: string[] = [];
  for (let i = 0; lists.some((l) => i < l.length); i++)
    for (const l of lists) if (i < l.length) out.push(l[i] as string);
  return out;
}

let merchants = 0;

/**
 * The booking row. The data offers ~620 places in its 14-day horizon (4 points, 3 services), fewer
 * than 50 connections book in 5 s on a quiet machine, so each round books only free places (read
 * from GET /slots before it, each place once: every request a real booking that succeeds) and ends
 * after `duration` seconds or when the free places run out, whichever comes first; its bookings are
 * cancelled through their manage links afterwards (not measured), so every round and the listing
 * row see the same slots. Its figures are those of the answers after the warm-up's, on the same
 * connections (latency as autocannon measured each). Each request is a new merchant (phone,
 * Idempotency-Key and client address: the per-client limiter counts each once, as for filing).
 */
function bookingRow(url: string, label: string): Target & { target: number } {
  let places: string[] = [];
  let next = 0;
  let tokens: string[] = [];
  const request: autocannon.Request = {
    method: "POST",
    headers: { "content-type": "application/json" },
    setupRequest: (req: autocannon.Request) => {
      const n = ++merchants;
      const r = asNewResident(req);
      r.body = JSON.stringify({
        slotId: places[next++ % places.length],
        name: "基准商户",
        phone: `15${String(n + 100_000_000 * (process.pid % 9)).padStart(9, "0")}`,
        shopName: "基准测试店",
        shopAddress: "临河路基准测试1号",
      });
      return r;
    },
    onResponse: (status: number, body: string) => {
      if (status === 201) tokens.push((JSON.parse(body) as { manageToken: string }).manageToken);
    },
  };
  return {
    name: `POST /api/appointments/bookings${label}`,
    url: `${url}/api/appointments/bookings`,
    method: "POST",
    target: 0.5,
    run: async (t, connections, duration) => {
      places = await freePlaces(url);
      next = 0;
      // Requests are built one ahead per connection: that many places may be drawn and never sent.
      const usable = places.length - connections;
      const warm = 2 * connections;
      if (usable - warm < connections) throw new Error(`only ${places.length} free places for the booking row`);
      // One run on the same connections: the first `warm` answers warm up, the rest are measured,
      // for `duration` seconds or until the places run out. A second autocannon for the measured part
      // would open its 50 connections inside a window of ~2 s (the horizon's ~620 places), where
      // every other row amortises its connections over its 5 s.
      const measured: { at: number; ms: number; status: number }[] = [];
      let answers = 0;
      let warmAt = 0;
      let cpuAtWarm: Promise<number> | undefined;
      const run = await new Promise<autocannon.Result>((resolve, reject) => {
        const instance = autocannon(
          {
            url: `${url}/api/appointments/bookings`,
            connections,
            duration: 120,
            maxOverallRequests: usable,
            requests: [request],
          },
          (err, result) => (err ? reject(err) : resolve(result)),
        );
        instance.on("response", (_client, status, _bytes, ms) => {
          const at = performance.now();
          if (++answers === warm) {
            warmAt = at;
            cpuAtWarm = t.pgid ? groupCpuSeconds(t.pgid) : undefined;
          } else if (answers > warm) {
            measured.push({ at, ms, status });
            if (at - warmAt >= duration * 1000) instance.stop();
          }
        });
      });
      const cpu = cpuAtWarm && t.pgid ? (await groupCpuSeconds(t.pgid)) - (await cpuAtWarm) : undefined;
      await cancelAll(url, tokens);
      tokens = [];
      const seconds = ((measured.at(-1)?.at ?? warmAt) - warmAt) / 1000;
      const ms = measured.map((m) => m.ms).sort((a, b) => a - b);
      const at = (q: number) => Math.round(ms[Math.min(ms.length - 1, Math.ceil(q * ms.length) - 1)] ?? 0);
      return {
        name: t.name,
        connections,
        rps: seconds > 0 ? measured.length / seconds : 0,
        p50: at(0.5),
        p99: at(0.99),
        non2xx: measured.filter((m) => m.status < 200 || m.status > 299).length,
        // Failed requests (timeouts, resets) are not answers: any in the run fails the row.
        errors: run.errors,
        cpuMicros: cpu === undefined || measured.length === 0 ? undefined : (cpu / measured.length) * 1e6,
      };
    },
  };
}

/** Cancels the bench's bookings by their manage links, a few at a time, so their places are free again. */
async function cancelAll(url: string, tokens: readonly string[]): Promise<void> {
  let i = 0;
  const worker = async () => {
    while (i < tokens.length) {
      const token = tokens[i++] as string;
      const res = await fetch(`${url}/api/appointments/manage`, {
        method: "DELETE",
        headers: { "x-manage-token": token },
      });
      if (!res.ok) throw new Error(`cancelling a bench booking failed: ${res.status} ${await res.text()}`);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}

/** The floor table's appointments rows. */
export function appointmentsFloorTargets(url: string, label: string): (Target & { target: number })[] {
  return [
    {
      name: `GET /api/appointments/slots?point=any&service=intake${label}`,
      url: `${url}/api/appointments/slots?point=any&service=intake`,
      target: 0.7,
    },
    bookingRow(url, label),
  ];
}

// ---- the big data set ----

export const BIG_BOOKINGS = 200_000;
/** Days seeded either side of today. */
const HALF_YEAR = 182;

/**
 * Every slot the points' weekly templates give in a week, from the data: desk services in steps of
 * their duration inside each opening interval (places: the desks serving it), inspections in their
 * windows on Monday to Friday (places: the teams' visits). Weekday as SQLite's %w (0 = Sunday).
 */
function weeklySlots() {
  const rows: {
    point: string;
    service: ServiceId;
    weekday: number;
    minutes: number;
    length: number;
    places: number;
  }[] = [];
  for (const point of SERVICE_POINTS) {
    for (const service of BOOKING_RULES.services) {
      if (service.where === "desk") {
        const places = point.desks.filter((d) => d.service === service.id).length;
        if (places === 0) continue;
        WEEKDAY_KEYS.forEach((key, i) => {
          for (const interval of point.weekly[key] ?? []) {
            const end = clockMinutes(interval.to);
            for (
              let m = clockMinutes(interval.from);
              m + service.durationMinutes <= end;
              m += service.durationMinutes
            ) {
              rows.push({
                point: point.id,
                service: service.id,
                weekday: (i + 1) % 7,
                minutes: m,
                length: service.durationMinutes,
                places,
              });
            }
          }
        });
      } else {
        const places = point.inspectionTeams.reduce((s, t) => s + t.visitsPerWindow, 0);
        for (let weekday = 1; weekday <= 5; weekday++) {
          for (const w of service.windows) {
            const from = clockMinutes(w.from);
            rows.push({
              point: point.id,
              service: service.id,
              weekday,
              minutes: from,
              length: clockMinutes(w.to) - from,
              places,
            });
          }
        }
      }
    }
  }
  return rows;
}

/**
 * 200,000 bookings over the points' template slots of a year around today (holidays not taken out:
 * synthetic), each slot holding as many rows as it takes to reach the total (~16). Each slot's
 * places are taken as the capacity triggers allow: in the past attended (a no-show for one in ten,
 * which frees the place), in the future booked, with one place left in every other slot so the
 * listing has slots to show; the slot's other rows are cancelled (late for one in three). Unique
 * person keys: one active booking per person and service holds.
 */
export function bigAppointmentsSql(now = Date.now()): string[] {
  const base = dayStart(chinaDay(new Date(now))).getTime() / 1000;
  const weekly = weeklySlots();
  // A year of days holds at least 52 whole weeks: enough rows per slot to reach the total.
  const perSlot = Math.ceil(BIG_BOOKINGS / (52 * weekly.length));
  const template = weekly
    .map((s, k) => `(${k}, '${s.point}', '${s.service}', ${s.weekday}, ${s.minutes}, ${s.length}, ${s.places})`)
    .join(", ");
  const nowSec = Math.floor(now / 1000);
  const iso = (expr: string) => `strftime('%Y-%m-%dT%H:%M:%fZ', ${expr}, 'unixepoch')`;
  return [
    `INSERT INTO appointments (booking_number, manage_hash, point_id, service, slot_id, slot_start, slot_end, capacity,
        name, phone, person_key, shop_name, shop_address, status, version, checked_in_at, created_at, updated_at)
      WITH RECURSIVE days(d) AS (SELECT ${-HALF_YEAR} UNION ALL SELECT d + 1 FROM days WHERE d < ${HALF_YEAR}),
        tpl(k, point, service, weekday, minutes, length, places) AS (VALUES ${template}),
        slots(n, point, service, start, length, places) AS (
          SELECT row_number() OVER (ORDER BY d, k), point, service, ${base} + d * ${DAY_SEC} + minutes * 60, length, places
          FROM days JOIN tpl ON tpl.weekday = CAST(strftime('%w', ${base} + d * ${DAY_SEC} + 28800, 'unixepoch') AS INTEGER)),
        pos(r) AS (SELECT 0 UNION ALL SELECT r + 1 FROM pos WHERE r < ${perSlot - 1}),
        rows_(j, n, r, point, service, start, length, places) AS (
          SELECT (n - 1) * ${perSlot} + r, n, r, point, service, start, length, places FROM slots JOIN pos LIMIT ${BIG_BOOKINGS})
      SELECT 'BENCH' || j, 'bench-appointment-' || j, point, service,
        point || ':' || service || ':' || strftime('%Y-%m-%dT%H:%M', start + 28800, 'unixepoch') || '+08:00',
        ${iso("start")}, ${iso("start + length * 60")}, places,
        '基准商户', '13900000000', 'bench-appointment-person-' || j, '基准测试店', '临河路基准测试' || (j % 500) || '号',
        CASE
          WHEN start < ${nowSec} AND r < places THEN CASE WHEN j % 10 = 0 THEN 'no_show' ELSE 'attended' END
          WHEN start >= ${nowSec} AND r < places - n % 2 THEN 'booked'
          WHEN j % 3 = 0 THEN 'late_cancelled'
          ELSE 'cancelled'
        END,
        0,
        CASE WHEN start < ${nowSec} AND r < places AND j % 10 <> 0 THEN ${iso("start")} END,
        ${iso(`start - 7 * ${DAY_SEC}`)}, ${iso(`start - 7 * ${DAY_SEC}`)}
      FROM rows_`,
    ...bigApplicationsSql(now),
  ];
}

/**
 * A signboard application for every attended intake of the seed (~2,500), moved along the steps as
 * migrations/0019's triggers allow (one version up per move): those received in the last 30 days
 * open, one in five at each of received, correction, accepted, inspection and decided, with due days
 * from 7 to 25 days after intake (some overdue); the older ones decided (one in eight refused) and
 * closed. No timeline rows: the queue and the overdue board read the applications table alone.
 */
function bigApplicationsSql(now: number): string[] {
  const recent = new Date(now - 30 * DAY_SEC * 1000).toISOString();
  const ours = "application_number LIKE 'SQBENCH%'";
  const day = (days: number) => `date(created_at, '+8 hours', '+${days} days')`;
  const isRecent = `created_at >= '${recent}'`;
  return [
    `INSERT INTO applications (application_number, point_id, intake_appointment_id, shop_name, shop_address, step,
        step_started_at, step_due_on, version, created_at, updated_at)
      SELECT 'SQBENCH' || id, point_id, id, shop_name, shop_address, 'received', slot_end,
        date(slot_start, '+8 hours', '+7 days'), 0, slot_end, slot_end
      FROM appointments WHERE booking_number LIKE 'BENCH%' AND service = 'intake' AND status = 'attended'`,
    `UPDATE applications SET step = 'correction', step_due_on = ${day(20)}, version = version + 1
      WHERE ${ours} AND ${isRecent} AND id % 5 = 1`,
    `UPDATE applications SET step = 'accepted', accepted_on = ${day(3)}, step_due_on = ${day(20)}, version = version + 1
      WHERE ${ours} AND (NOT ${isRecent} OR id % 5 IN (2, 3, 4))`,
    `UPDATE applications SET step = 'inspection', step_due_on = ${day(12)}, version = version + 1
      WHERE ${ours} AND ${isRecent} AND id % 5 = 3`,
    `UPDATE applications SET step = 'decided', decision = CASE WHEN id % 8 = 0 THEN 'refused' ELSE 'granted' END,
        reasons = CASE WHEN id % 8 = 0 THEN '基准测试：招牌尺寸超出设置规范' END, decided_at = created_at,
        step_due_on = ${day(25)}, version = version + 1
      WHERE ${ours} AND (NOT ${isRecent} OR id % 5 = 4)`,
    `UPDATE applications SET step = 'closed', step_due_on = NULL, version = version + 1
      WHERE ${ours} AND NOT ${isRecent}`,
  ];
}

/** The first Saturday after today: the template's longest opening, the desk's busiest day. */
function busiestDay(now = new Date()): string {
  let day = addDays(chinaDay(now), 1);
  while (new Date(`${day}T12:00:00+08:00`).getUTCDay() !== 6) day = addDays(day, 1);
  return day;
}

/** The demo service-point clerk's point (scripts/seed/staff.ts: linhe-service-point works linhe). */
export const DESK_POINT = "linhe";

/**
 * The listings, the desk's day view, the application queue and the overdue board with the big data set, one connection (service time, not
 * queueing). `clerk` is a staff session cookie of the demo service-point clerk.
 */
export async function appointmentsLatency(url: string, clerk: string, duration: number): Promise<LoadResult[]> {
  const day = busiestDay();
  const rows: [string, string, string][] = [
    ...SERVICE_IDS.map((s): [string, string, string] => [
      `GET /api/appointments/slots?point=any&service=${s} (14-day horizon, 200k seeded)`,
      `/api/appointments/slots?point=any&service=${s}`,
      "",
    ]),
    [
      `GET /api/staff/appointments/points/${DESK_POINT}/day (${day}, every row of the day)`,
      `/api/staff/appointments/points/${DESK_POINT}/day?date=${day}`,
      clerk,
    ],
    [
      `GET /api/staff/appointments/applications?point=${DESK_POINT} (the queue)`,
      `/api/staff/appointments/applications?point=${DESK_POINT}`,
      clerk,
    ],
    [
      "GET /api/staff/appointments/applications/overdue (the clerk's point)",
      "/api/staff/appointments/applications/overdue",
      clerk,
    ],
  ];
  const out: LoadResult[] = [];
  for (const [name, path, cookie] of rows) {
    out.push(await load({ name, url: `${url}${path}`, headers: cookie ? { cookie } : {} }, 1, duration));
  }
  return out;
}

interface Builder {
  toSQL(): { sql: string; params: unknown[] };
}

/**
 * The Worker's own SQL for the listing (functions/lib/appointments/slots.ts: one D1 batch of the
 * points' saved templates, their closures and one GROUP BY over their taken rows from now to the
 * end of the horizon), for each service and for 4 points × 30 days, the desk's day view (pointDay)
 * on its busiest day, a point's application queue and the overdue board.
 */
export async function appointmentsQueries(now = new Date()): Promise<TimedQuery[]> {
  const reads = (await importWorkerModule("functions/db/appointments/index.ts")) as {
    bookedPerSlot(db: unknown, points: string[], service: ServiceId, start: string, end: string): Builder;
    pointDay(db: unknown, pointId: string, start: string, end: string): Builder;
  };
  const calendar = (await importWorkerModule("functions/db/appointments/calendar.ts")) as {
    storedTemplates(db: unknown, points: readonly string[]): Builder;
    closuresIn(db: unknown, points: readonly string[], start: string, end: string): Builder;
  };
  const { createDb } = (await importWorkerModule("functions/db/client.ts")) as { createDb(d1: unknown): unknown };
  // Only .toSQL() is called: no binding is needed to build the statement.
  const db = createDb({});
  const points = SERVICE_POINTS.map((p) => p.id);
  const today = chinaDay(now);
  const start = now.toISOString();
  const end = dayStart(addDays(today, BOOKING_RULES.bookingHorizonDays + 1)).toISOString();
  const queries: TimedQuery[] = [
    {
      name: "free slots: saved templates, point=any (the route's batch, 1 of 3)",
      ...calendar.storedTemplates(db, points).toSQL(),
    },
    { name: "free slots: closures, point=any (2 of 3)", ...calendar.closuresIn(db, points, start, end).toSQL() },
  ];
  for (const service of SERVICE_IDS) {
    const q = reads.bookedPerSlot(db, points, service, start, end).toSQL();
    queries.push({ name: `free slots: taken per slot, point=any, ${service} (3 of 3)`, ...q });
  }
  const month = reads.bookedPerSlot(
    db,
    points,
    "intake",
    dayStart(today).toISOString(),
    dayStart(addDays(today, 30)).toISOString(),
  );
  queries.push({ name: "free slots, 4 points × 30 days, intake (same SQL, 30-day range)", ...month.toSQL() });
  // The desk's day view (functions/lib/appointments/desk.ts) on its busiest day.
  const day = busiestDay(now);
  const desk = reads.pointDay(db, DESK_POINT, dayStart(day).toISOString(), dayStart(addDays(day, 1)).toISOString());
  queries.push({ name: `the desk's day, pointDay(${DESK_POINT}, ${day}) (every row of the day)`, ...desk.toSQL() });
  const apps = (await importWorkerModule("functions/db/appointments/applications.ts")) as {
    applicationQueue(db: unknown, pointId: string): Builder;
    overdueApplications(db: unknown, today: string, points: readonly string[] | "all"): Builder;
  };
  queries.push({
    name: `the queue, applicationQueue(${DESK_POINT})`,
    ...apps.applicationQueue(db, DESK_POINT).toSQL(),
  });
  queries.push({ name: "the overdue board, every point", ...apps.overdueApplications(db, today, "all").toSQL() });
  return queries;
}

/** The appointments' query times on the seeded state (no wrangler dev may hold `persistTo` meanwhile). */
export async function appointmentsQueryTimes(persistTo: string): Promise<QueryTime[]> {
  return timeQueries(persistTo, await appointmentsQueries());
}
