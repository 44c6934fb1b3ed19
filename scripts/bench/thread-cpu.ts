// Where a row's server CPU goes, thread by thread: runs one row against the portal (or the floor
// Worker) under `wrangler dev` and prints the CPU time each thread of the server's process group
// spent per answered request. Under `wrangler dev` one workerd thread runs the Worker, the D1
// emulator and the rate limiter's Durable Object together; its time per request is what a row's
// throughput is bound by, and it moves far less from run to run than req/s do.
//
//   node scripts/bench/thread-cpu.ts signup|filing|health|floor|floor-limited|floor-write [--duration 8]
//
// (The booking row readies its places before each run and measures part of it: not offered here.)
import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { executeLocal, freePort, migrateLocal, startWrangler } from "../lib/wrangler.ts";
import { seedStatements } from "../seed/index.ts";
import { complaint } from "./floor.ts";
import { asNewResident, cannonOptions, type Target } from "./load.ts";
import { signupSweepsSql, sweepsFloorTargets } from "./sweeps.ts";

/** CPU seconds of every thread of the processes in group `pgid`, keyed "pid command [thread]". */
async function threadSeconds(pgid: number): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const pid of await readdir("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => "");
    // Fields after "(comm)": state ppid pgrp … utime (14th field) stime (15th).
    if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]) !== pgid) continue;
    const argv = (await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "")).split("\0");
    const command = argv.some((a) => a.includes("--inspector-addr"))
      ? "workerd (the Worker, D1, the limiter)"
      : argv[0]?.endsWith("workerd")
        ? "workerd (wrangler's proxy in front)"
        : (argv[0]?.split("/").pop() ?? "?");
    for (const tid of await readdir(`/proc/${pid}/task`).catch(() => [] as string[])) {
      const t = await readFile(`/proc/${pid}/task/${tid}/stat`, "utf8").catch(() => "");
      const f = t.slice(t.lastIndexOf(")") + 2).split(" ");
      const key = `${pid} ${command} [${t.slice(t.indexOf("(") + 1, t.lastIndexOf(")"))}]`;
      out.set(key, (out.get(key) ?? 0) + (Number(f[11]) + Number(f[12])) / 100);
    }
  }
  return out;
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { duration: { type: "string", default: "8" } },
});
const which = positionals[0] ?? "signup";
const floor = which.startsWith("floor");
const persistTo = await mkdtemp(join(tmpdir(), "portal-thread-cpu-"));
const PERSON_KEY_SECRET = randomBytes(32).toString("base64url");
await migrateLocal(persistTo, { quiet: true });
if (!floor) {
  await executeLocal(persistTo, [...(await seedStatements(PERSON_KEY_SECRET)), ...signupSweepsSql()], { quiet: true });
}
const server = await startWrangler({
  port: await freePort(),
  persistTo,
  vars: floor ? {} : { PERSON_KEY_SECRET },
  ...(floor ? { config: "bench/floor/wrangler.toml" } : {}),
});
try {
  const url = server.url;
  const post = {
    method: "POST" as const,
    headers: { "content-type": "application/json" },
    setupRequest: asNewResident,
  };
  const rows: Record<string, Target> = {
    floor: { name: "floor GET /api/health", url: `${url}/api/health` },
    "floor-limited": { name: "floor GET /api/limited", url: `${url}/api/limited`, setupRequest: asNewResident },
    "floor-write": { name: "floor POST /api/limited-write", url: `${url}/api/limited-write`, body: "{}", ...post },
    health: { name: "GET /api/health", url: `${url}/api/health` },
    filing: {
      name: "POST /api/complaints",
      url: `${url}/api/complaints`,
      body: complaint,
      ...post,
    },
    signup: sweepsFloorTargets(url, "")[1] as Target,
  };
  const row = rows[which];
  if (!row) throw new Error(`no row "${which}": ${Object.keys(rows).join(", ")}`);
  // autocannon itself, not load(): the CPU is read around exactly the measured requests.
  const fire = (duration: number) => autocannon(cannonOptions(row, 50, duration));
  await fire(3);
  const before = await threadSeconds(server.child.pid as number);
  const result = await fire(Number(values.duration));
  const after = await threadSeconds(server.child.pid as number);
  const requests = result.requests.total;
  let total = 0;
  for (const v of after.values()) total += v;
  for (const v of before.values()) total -= v;
  console.log(
    `${row.name}: ${result.requests.average.toFixed(0)} req/s, non-2xx ${result.non2xx}; CPU per answered request:`,
  );
  const rowsOut = [...after]
    .map(([k, v]) => [k, ((v - (before.get(k) ?? 0)) / requests) * 1e6] as const)
    .filter(([, us]) => us >= 10)
    .sort((a, b) => b[1] - a[1]);
  for (const [k, us] of rowsOut) console.log(`${us.toFixed(0).padStart(7)} µs  ${k}`);
  console.log(`${((total / requests) * 1e6).toFixed(0).padStart(7)} µs  all`);
} finally {
  await server.stop();
}
