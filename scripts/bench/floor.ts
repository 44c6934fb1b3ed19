// Throughput of the portal's endpoints against the platform floor (bench/floor): a Worker with the
// portal's own [assets]/run_worker_first routing that answers /api/health with one D1 `SELECT 1`.
// Every server runs under the same wrangler/workerd in the same run; rounds are interleaved, and each
// row runs right after a run of the floor and is compared with it, so a busy minute on the machine
// lands on both sides of one comparison.
import { randomBytes } from "node:crypto";
import { cp, mkdtemp, rm } from "node:fs/promises";
import { join } from "node:path";
import { executeLocal, freePort, migrateLocal, type RunningWrangler, startWrangler } from "../lib/wrangler.ts";
import { demoTrackingToken } from "../seed/complaints.ts";
import { seedStatements } from "../seed/index.ts";
import { appointmentsFloorTargets } from "./appointments.ts";
import { asNewResident, type LoadResult, load, type Target } from "./load.ts";
import { signupSweepsSql, sweepsFloorTargets } from "./sweeps.ts";

/** One row of the floor table: medians over the rounds, and the share of the floor it must reach. */
export interface FloorRow {
  name: string;
  /** Minimum share of the platform floor's req/s (0.85 = 85 %); absent for reference rows. */
  target?: number;
  rps: number;
  p50: number;
  p99: number;
  /** Median over the rounds of this row's req/s ÷ the floor's req/s in the run just before it. */
  ratio: number;
  /** Median server CPU per request (µs), and the median of the floor's (run just before) as a share of it. */
  cpuMicros?: number;
  cpuRatio?: number;
  non2xx: number;
  errors: number;
  pass?: boolean;
  rounds: LoadResult[];
}

export interface FloorOptions {
  connections: number;
  duration: number;
  rounds: number;
  /** Also run every portal row with LOG_LEVEL=silent (by default only /api/health is). */
  compareLogging: boolean;
  /** Only the floor and the rows whose names contain one of these (no hello-world reference). */
  only?: string[] | undefined;
}

/** The floor Worker's reference rows for a throttled write (bench/floor/index.ts); `--only "floor +"` picks both. */
const LIMITED_READ = "floor + one rate-limit call GET /api/limited (reference)";
const LIMITED_WRITE = "floor + one rate-limit call + one-row D1 write POST /api/limited-write (reference)";

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

/** The filing row's complaint (no photo). */
export const complaint = JSON.stringify({
  categoryId: "C0118",
  addressText: "临河路口",
  communityId: "linhe",
  description: "路灯不亮，晚上很黑",
  consent: true,
});

/** A point and category where the demo data has an open case, for the nearby row. */
async function nearbyQuery(url: string): Promise<string> {
  const res = await fetch(`${url}/api/complaints?state=open&limit=20`);
  const { cases } = (await res.json()) as {
    cases: { categoryId: string; lat: number | null; lng: number | null }[];
  };
  const c = cases.find((x) => x.lat !== null && x.lng !== null);
  if (!c) throw new Error("the demo data has no open case with a point");
  return `categoryId=${c.categoryId}&lat=${c.lat}&lng=${c.lng}`;
}

/** The portal's rows: what a resident's browser asks for, with the share of the floor each must keep. */
function portalTargets(server: RunningWrangler, nearby: string, label: string): (Target & { target?: number })[] {
  const { url } = server;
  const pgid = server.child.pid;
  const rows: (Target & { target?: number })[] = [
    { name: `portal GET / (static)${label}`, url: `${url}/` },
    { name: `GET /api/health${label}`, url: `${url}/api/health`, target: 0.85 },
    {
      name: `GET /api/complaints/track (tracking lookup)${label}`,
      url: `${url}/api/complaints/track`,
      headers: { "x-tracking-token": demoTrackingToken(0) },
      target: 0.8,
    },
    { name: `GET /api/complaints (public list)${label}`, url: `${url}/api/complaints`, target: 0.7 },
    // Open311 GeoReport v2's list, its default window (the last 90 days, newest first, one page).
    {
      name: `GET /open311/v2/requests.json (default window)${label}`,
      url: `${url}/open311/v2/requests.json`,
      target: 0.6,
    },
    {
      name: `GET /api/complaints/nearby${label}`,
      url: `${url}/api/complaints/nearby?${nearby}`,
      // Throttled per client (NEARBY_LIMITER): each request a new resident, as in real use.
      setupRequest: asNewResident,
      target: 0.7,
    },
    {
      name: `POST /api/complaints (filing, no photo)${label}`,
      url: `${url}/api/complaints`,
      method: "POST",
      body: complaint,
      headers: { "content-type": "application/json" },
      setupRequest: asNewResident,
      target: 0.5,
    },
    ...sweepsFloorTargets(url, label),
    ...appointmentsFloorTargets(url, label),
  ];
  return rows.map((r) => ({ ...r, pgid }));
}

export async function platformFloor(stateRoot: string, o: FloorOptions): Promise<FloorRow[]> {
  const persistTo = await mkdtemp(join(stateRoot, "portal-bench-"));
  const servers: RunningWrangler[] = [];
  try {
    await migrateLocal(persistTo, { quiet: true });
    // One person-key secret for the seed and both portals (the sign-up rows POSTs add must agree with the seed's).
    const PERSON_KEY_SECRET = randomBytes(32).toString("base64url");
    await executeLocal(persistTo, [...(await seedStatements(PERSON_KEY_SECRET)), ...signupSweepsSql()], {
      quiet: true,
    });
    // The logging-off portal gets its own copy of the data: two workerd never share one SQLite file.
    await cp(persistTo, `${persistTo}-silent`, { recursive: true });
    const start = async (opts: Omit<Parameters<typeof startWrangler>[0], "port">) => {
      const s = await startWrangler({ ...opts, port: await freePort() });
      servers.push(s);
      return s;
    };
    const floor = await start({ persistTo: join(persistTo, "floor"), config: "bench/floor/wrangler.toml" });
    const hello = await start({ persistTo: join(persistTo, "hello"), config: "bench/hello/wrangler.toml" });
    // The portal as deployed: LOG_LEVEL=info from wrangler.toml.
    const portal = await start({ persistTo, vars: { PERSON_KEY_SECRET } });
    const silent = await start({ persistTo: `${persistTo}-silent`, vars: { LOG_LEVEL: "silent", PERSON_KEY_SECRET } });
    const nearby = await nearbyQuery(portal.url);

    const logOff = " [LOG_LEVEL=silent]";
    const offRows = portalTargets(silent, nearby, logOff);
    const all: (Target & { target?: number })[] = [
      {
        name: "platform floor GET /api/health (assets + D1 SELECT 1)",
        url: `${floor.url}/api/health`,
        pgid: floor.child.pid,
      },
      { name: "hello-world Worker GET / (reference)", url: `${hello.url}/`, pgid: hello.child.pid },
      // What a throttled public write costs the platform before our code runs (bench/floor/index.ts):
      // a new client each request, as in the portal's write rows.
      {
        name: LIMITED_READ,
        url: `${floor.url}/api/limited`,
        setupRequest: asNewResident,
        pgid: floor.child.pid,
      },
      {
        name: LIMITED_WRITE,
        url: `${floor.url}/api/limited-write`,
        method: "POST",
        body: "{}",
        headers: { "content-type": "application/json" },
        setupRequest: asNewResident,
        pgid: floor.child.pid,
      },
      ...portalTargets(portal, nearby, ""),
      ...(o.compareLogging ? offRows.slice(1) : offRows.slice(1, 2)),
    ];
    const { only } = o;
    const targets = only ? all.filter((t, i) => i === 0 || only.some((x) => t.name.includes(x))) : all;
    // Each row runs right after a run of the floor, and its share is taken against that run. The
    // machine's load drifts over minutes and a round takes several: against the round's one floor
    // run, measured minutes before, a row's share swung from 60 % to 120 % between rounds.
    const [floorTarget] = targets;
    if (!floorTarget) throw new Error("no floor row");
    const rounds: { row: LoadResult; floor: LoadResult }[][] = [];
    for (let r = 0; r < o.rounds; r++) {
      const round: { row: LoadResult; floor: LoadResult }[] = [];
      for (const [i, t] of targets.entries()) {
        const floor = i === 0 ? undefined : await load(floorTarget, o.connections, o.duration);
        const row = await (t.run ?? load)(t, o.connections, o.duration);
        round.push({ row, floor: floor ?? row });
      }
      rounds.push(round);
      console.error(`bench: round ${r + 1} of ${o.rounds} done`);
    }
    return targets.map((t, i) => {
      const pairs = rounds.map((round) => round[i] as { row: LoadResult; floor: LoadResult });
      const rs = pairs.map((p) => p.row);
      const ratio = median(pairs.map((p) => p.row.rps / (p.floor.rps || 1)));
      const cpuPairs = pairs.filter((p) => p.row.cpuMicros && p.floor.cpuMicros);
      const cpus = rs.map((x) => x.cpuMicros).filter((x) => x !== undefined);
      const cpuMicros = cpus.length > 0 ? median(cpus) : undefined;
      const cpuRatio =
        cpuPairs.length > 0
          ? median(cpuPairs.map((p) => (p.floor.cpuMicros ?? 0) / (p.row.cpuMicros ?? 1)))
          : undefined;
      const non2xx = rs.reduce((s, x) => s + x.non2xx, 0);
      const errors = rs.reduce((s, x) => s + x.errors, 0);
      const row: FloorRow = {
        name: t.name,
        target: t.target,
        rps: median(rs.map((x) => x.rps)),
        p50: median(rs.map((x) => x.p50)),
        p99: median(rs.map((x) => x.p99)),
        ratio,
        cpuMicros,
        cpuRatio,
        non2xx,
        errors,
        rounds: rs,
      };
      // A row that holds its rate by refusing requests does not pass.
      if (t.target !== undefined) row.pass = ratio >= t.target && non2xx === 0 && errors === 0;
      return row;
    });
  } finally {
    for (const s of servers) await s.stop();
    await rm(persistTo, { recursive: true, force: true });
    await rm(`${persistTo}-silent`, { recursive: true, force: true });
  }
}

export function printFloor(rows: FloorRow[], o: FloorOptions): void {
  console.log(
    `\nAgainst the platform floor: ${o.connections} connections, ${o.duration} s per row after a 2 s warm-up, ` +
      `median of ${o.rounds} interleaved round(s) (autocannon, 127.0.0.1)\n`,
  );
  console.log(
    "| endpoint | req/s | p50 ms | p99 ms | non-2xx | errors | of floor | target | | CPU µs/req | of floor by CPU |",
  );
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|");
  for (const r of rows) {
    const target = r.target === undefined ? "" : `≥ ${(r.target * 100).toFixed(0)}%`;
    const verdict = r.pass === undefined ? "" : r.pass ? "pass" : "FAIL";
    const cpu = r.cpuMicros === undefined ? "" : r.cpuMicros.toFixed(0);
    const cpuRatio = r.cpuRatio === undefined ? "" : `${(r.cpuRatio * 100).toFixed(0)}%`;
    console.log(
      `| ${r.name} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.non2xx} | ${r.errors} | ${(r.ratio * 100).toFixed(0)}% | ${target} | ${verdict} | ${cpu} | ${cpuRatio} |`,
    );
  }
  printAgainstWriteFloor(rows);
}

/**
 * Each portal write (a POST with a target) as a share of the throttled-write reference: its share
 * of the floor over the reference's, both medians over the same rounds. The targets stay against the
 * plain floor; this says how much of the gap is the platform's cost of any throttled write.
 */
function printAgainstWriteFloor(rows: FloorRow[]): void {
  const reference = rows.find((r) => r.name === LIMITED_WRITE);
  const writes = rows.filter((r) => r.name.startsWith("POST ") && r.target !== undefined);
  if (!reference || writes.length === 0) return;
  console.log(
    `\nA throttled one-row write on the bare platform runs at ${(reference.ratio * 100).toFixed(0)}% of the floor ` +
      `(${reference.cpuRatio === undefined ? "?" : (reference.cpuRatio * 100).toFixed(0)}% by CPU). Against it:\n`,
  );
  console.log("| endpoint | of the throttled-write reference | by CPU |");
  console.log("|---|---:|---:|");
  for (const r of writes) {
    const byCpu =
      r.cpuRatio !== undefined && reference.cpuRatio !== undefined
        ? `${((r.cpuRatio / reference.cpuRatio) * 100).toFixed(0)}%`
        : "";
    console.log(`| ${r.name} | ${((r.ratio / reference.ratio) * 100).toFixed(0)}% | ${byCpu} |`);
  }
}
