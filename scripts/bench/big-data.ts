// Query latency with a million cases: tracking, nearby and hot spots through the real Worker.
import { mkdtemp, rm } from "node:fs/promises";
import { join } from "node:path";
import { COMMUNITIES } from "../../src/shared/geo.ts";
import { addDays, chinaDay } from "../../src/shared/time.ts";
import { bulkCasesSql } from "../lib/bulk-cases.ts";
import { executeLocal, freePort, migrateLocal, startWrangler } from "../lib/wrangler.ts";
import { DEMO_PASSWORD, staffStatements } from "../seed/staff.ts";
import { appointmentsLatency, appointmentsQueryTimes, bigAppointmentsSql } from "./appointments.ts";
import { asNewResident, type LoadResult, load } from "./load.ts";
import { open311QueryTimes } from "./open311.ts";
import type { QueryTime } from "./query-time.ts";
import { bigSweepsSql, sweepsLatency, sweepsQueryTimes } from "./sweeps.ts";

const complaint = JSON.stringify({
  categoryId: "E0102",
  addressText: "基准测试路口",
  communityId: COMMUNITIES[0]?.id,
  description: "基准测试：暴露垃圾",
  consent: true,
});

/** A staff session cookie for a demo account, as the console holds it. */
async function staffCookie(url: string, email: string): Promise<string> {
  const res = await fetch(`${url}/api/staff/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url, "cf-connecting-ip": "198.19.2.1" },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith("__Host-staff_session="));
  if (!cookie) throw new Error(`staff sign-in failed: ${res.status}`);
  return cookie.split(";")[0] ?? "";
}

/** China-time day `days` before today, "YYYY-MM-DD". */
/** The China-time day `days` days before today. */
const daysAgo = (days: number) => addDays(chinaDay(), -days);

/** Files a few real cases through the API (for real tracking secrets) on top of the bulk data. */
async function realTokens(url: string, n: number): Promise<string[]> {
  const tokens: string[] = [];
  for (let i = 0; i < n; i++) {
    const res = await fetch(`${url}/api/complaints`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "idempotency-key": `big-${Date.now()}-${i}`,
        "cf-connecting-ip": `198.19.1.${i + 1}`,
      },
      body: complaint,
    });
    if (res.status !== 201) throw new Error(`filing failed: ${res.status} ${await res.text()}`);
    tokens.push(((await res.json()) as { trackingToken: string }).trackingToken);
  }
  return tokens;
}

export async function bigDataLatency(
  stateRoot: string,
  cases: number,
  duration: number,
): Promise<{ cases: number; seedSeconds: number; results: LoadResult[]; queryTimes: QueryTime[] }> {
  const persistTo = await mkdtemp(join(stateRoot, "portal-bench-big-"));
  try {
    await migrateLocal(persistTo, { quiet: true });
    const t0 = Date.now();
    // Units first (cases name them by foreign key), the demo staff for the console's queries.
    // And 5,000 sweeps with 100,000 sign-ups for the sweeps' list, roster and coverage; 200,000
    // bookings for the appointments' free slots (scripts/bench/appointments.ts).
    await executeLocal(
      persistTo,
      [...(await staffStatements()), ...bulkCasesSql(cases), ...bigSweepsSql(), ...bigAppointmentsSql()],
      { quiet: true },
    );
    const seedSeconds = (Date.now() - t0) / 1000;
    // The queries' own SQLite time, before wrangler dev opens the same state.
    const queryTimes = [
      ...(await sweepsQueryTimes(persistTo)),
      ...(await appointmentsQueryTimes(persistTo)),
      ...(await open311QueryTimes(persistTo)),
    ];
    const server = await startWrangler({
      port: await freePort(),
      persistTo,
      vars: { LOG_LEVEL: "silent" },
      testScheduled: true,
    });
    try {
      const tokens = await realTokens(server.url, 20);
      // As in production, the cron has made the hot-spot snapshots.
      const cron = await fetch(`${server.url}/cdn-cgi/handler/scheduled?cron=*/15+*+*+*+*`);
      if (!cron.ok) throw new Error(`cron run failed: ${cron.status}`);
      const points = COMMUNITIES.map((c) => {
        const ring = c.rings[0] ?? [];
        return {
          lat: ring.reduce((s, p) => s + p[1], 0) / ring.length,
          lng: ring.reduce((s, p) => s + p[0], 0) / ring.length,
        };
      });
      let k = 0;
      const results: LoadResult[] = [];
      // One connection: latency is the service time, not time spent queueing behind other requests.
      for (const conns of [1, 10]) {
        results.push(
          await load(
            {
              name: "GET /api/complaints/track (by secret)",
              url: `${server.url}/api/complaints/track`,
              setupRequest: (req) => ({
                ...req,
                headers: { ...req.headers, "x-tracking-token": tokens[k++ % tokens.length] ?? "" },
              }),
            },
            conns,
            duration,
          ),
        );
        results.push(
          await load(
            {
              name: "GET /api/complaints/nearby",
              url: `${server.url}/api/complaints/nearby`,
              setupRequest: (req) => {
                const p = points[k++ % points.length] ?? { lat: 0, lng: 0 };
                // Throttled per client (NEARBY_LIMITER): each request a new resident.
                return asNewResident({
                  ...req,
                  path: `/api/complaints/nearby?categoryId=E0102&lat=${p.lat}&lng=${p.lng}`,
                });
              },
            },
            conns,
            duration,
          ),
        );
        results.push(
          await load(
            { name: "GET /api/complaints/hotspots?days=90", url: `${server.url}/api/complaints/hotspots?days=90` },
            conns,
            duration,
          ),
        );
        // Open311's list in its default window (the issue's target: p99 < 30 ms with 1,000,000 cases).
        results.push(
          await load(
            { name: "GET /open311/v2/requests.json (default window)", url: `${server.url}/open311/v2/requests.json` },
            conns,
            duration,
          ),
        );
      }
      results.push(
        await load(
          {
            name: "POST /api/complaints (no photo, 1M rows)",
            url: `${server.url}/api/complaints`,
            method: "POST",
            body: complaint,
            headers: { "content-type": "application/json" },
            setupRequest: asNewResident,
          },
          10,
          duration,
        ),
      );
      // The staff console's queries: the inbox, a unit's queue, the overdue board and the figures.
      const dispatcher = { cookie: await staffCookie(server.url, "dispatcher@demo.qingxi.example") };
      const handler = { cookie: await staffCookie(server.url, "handler@demo.qingxi.example") };
      const staffTargets: [string, string, { cookie: string }][] = [
        ["GET /api/staff/complaints?view=inbox", "/api/staff/complaints?view=inbox", dispatcher],
        ["GET /api/staff/complaints?view=queue (unit)", "/api/staff/complaints?view=queue", handler],
        ["GET /api/staff/complaints?view=overdue", "/api/staff/complaints?view=overdue", dispatcher],
        [
          "GET /api/staff/figures, 30 days by unit",
          `/api/staff/figures?from=${daysAgo(29)}&to=${daysAgo(0)}&by=unit`,
          dispatcher,
        ],
        [
          "GET /api/staff/figures, 30 days by category",
          `/api/staff/figures?from=${daysAgo(29)}&to=${daysAgo(0)}&by=category`,
          dispatcher,
        ],
        [
          "GET /api/staff/figures, 365 days by category",
          `/api/staff/figures?from=${daysAgo(364)}&to=${daysAgo(0)}&by=category`,
          dispatcher,
        ],
        ["GET /api/complaints/figures (last month)", "/api/complaints/figures", { cookie: "" }],
      ];
      for (const [name, path, who] of staffTargets) {
        results.push(await load({ name, url: `${server.url}${path}`, headers: { cookie: who.cookie } }, 1, duration));
      }
      const coordinator = await staffCookie(server.url, "volunteers@demo.qingxi.example");
      results.push(...(await sweepsLatency(server.url, coordinator, duration)));
      const clerk = await staffCookie(server.url, "servicepoint@demo.qingxi.example");
      results.push(...(await appointmentsLatency(server.url, clerk, duration)));
      return { cases, seedSeconds, results, queryTimes };
    } finally {
      await server.stop();
    }
  } finally {
    await rm(persistTo, { recursive: true, force: true });
  }
}
