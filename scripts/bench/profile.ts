// Where a floor row's Worker time goes: runs one row of the floor table against the portal (demo data,
// as `npm run bench` seeds it) under the V8 sampling profiler of workerd's inspector, and prints the
// functions with the most self time, and the files. The floor table says how far a row is from the
// floor; this says which of our code (or the libraries') costs it.
//
//   node scripts/bench/profile.ts "GET /api/sweeps" [--duration 10] [--connections 50] [--top 40] [--out file.cpuprofile]
//
// The --out file opens in Chrome DevTools' Performance panel or speedscope.
import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { executeLocal, freePort, migrateLocal, startWrangler } from "../lib/wrangler.ts";
import { seedStatements } from "../seed/index.ts";
import { appointmentsFloorTargets } from "./appointments.ts";
import { load, type Target } from "./load.ts";
import { signupSweepsSql, sweepsFloorTargets } from "./sweeps.ts";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** A minimal Chrome DevTools Protocol client over the inspector's WebSocket. */
async function devtools(port: number) {
  const targets = (await (await fetch(`http://127.0.0.1:${port}/json`)).json()) as {
    title: string;
    webSocketDebuggerUrl: string;
  }[];
  const target = targets.find((t) => t.webSocketDebuggerUrl);
  if (!target) throw new Error(`no inspector target on port ${port}: ${JSON.stringify(targets)}`);
  // wrangler's inspector proxy accepts local origins only; Node's WebSocket sends none by itself.
  const ws = new WebSocket(target.webSocketDebuggerUrl, {
    headers: { origin: "http://localhost" },
  } as unknown as string[]);
  await new Promise((resolve, reject) => {
    ws.onopen = resolve;
    ws.onerror = reject;
  });
  let next = 0;
  const pending = new Map<number, (r: unknown) => void>();
  ws.onmessage = (e) => {
    const msg = JSON.parse(String(e.data)) as { id?: number; result?: unknown; error?: unknown };
    if (msg.id !== undefined) pending.get(msg.id)?.(msg.error ? Promise.reject(msg.error) : msg.result);
  };
  const send = <T>(method: string, params: object = {}) =>
    new Promise<T>((resolve) => {
      const id = ++next;
      pending.set(id, resolve as (r: unknown) => void);
      ws.send(JSON.stringify({ id, method, params }));
    });
  return { send, close: () => ws.close(), title: target.title };
}

/**
 * The bundle wrangler dev is serving (the newest .wrangler/tmp/dev-*), as a map from its line to the
 * module it came from: esbuild heads each module with a `// path` comment. Read while it runs, as
 * wrangler deletes it on exit.
 */
async function bundleModules(): Promise<(line: number) => string> {
  const root = ".wrangler/tmp";
  const dirs = (await readdir(root)).filter((d) => d.startsWith("dev-"));
  const dated = await Promise.all(dirs.map(async (d) => ({ d, t: (await stat(join(root, d))).mtimeMs })));
  const newest = dated.sort((a, b) => b.t - a.t)[0];
  if (!newest) return () => "index.js";
  const lines = (await readFile(join(root, newest.d, "index.js"), "utf8")).split("\n");
  const owner: string[] = [];
  let current = "index.js";
  lines.forEach((l, i) => {
    const m = /^\/\/ ((?:node_modules|functions|src|content)\/\S+)$/.exec(l);
    if (m?.[1]) current = m[1].replace(/^node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?/, "");
    owner[i] = current;
  });
  return (line) => owner[line] ?? "index.js";
}

/** Self time per sample, in µs, summed by a key of the sampled node. */
function selfTimes(p: Profile, key: (n: ProfileNode) => string): Map<string, number> {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const out = new Map<string, number>();
  p.samples.forEach((id, i) => {
    const n = byId.get(id);
    if (!n) return;
    const k = key(n);
    out.set(k, (out.get(k) ?? 0) + (p.timeDeltas[i] ?? 0));
  });
  return out;
}

/** Inclusive time: each sample counted once for every distinct function on its stack. */
function totalTimes(p: Profile, key: (n: ProfileNode) => string): Map<string, number> {
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const out = new Map<string, number>();
  p.samples.forEach((id, i) => {
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const n = byId.get(cur);
      if (!n) break;
      const k = key(n);
      if (seen.has(k)) continue;
      seen.add(k);
      out.set(k, (out.get(k) ?? 0) + (p.timeDeltas[i] ?? 0));
    }
  });
  return out;
}

function print(title: string, m: Map<string, number>, all: number, requests: number, top: number) {
  console.log(`\n${title} (share of sampled time; µs per request)\n`);
  const rows = [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
  for (const [k, v] of rows) {
    console.log(`${((v / all) * 100).toFixed(1).padStart(5)}%  ${(v / requests).toFixed(1).padStart(7)}  ${k}`);
  }
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "50" },
    top: { type: "string", default: "40" },
    out: { type: "string" },
    interval: { type: "string", default: "200" },
  },
});
const wanted = positionals[0] ?? "GET /api/health";
const persistTo = await mkdtemp(join(tmpdir(), "portal-profile-"));
const PERSON_KEY_SECRET = randomBytes(32).toString("base64url");
await migrateLocal(persistTo, { quiet: true });
await executeLocal(persistTo, [...(await seedStatements(PERSON_KEY_SECRET)), ...signupSweepsSql()], { quiet: true });
const inspectorPort = await freePort();
// "floor" profiles the platform floor itself (bench/floor), for comparison.
const floor = wanted === "floor";
const server = await startWrangler({
  port: await freePort(),
  persistTo,
  vars: floor ? {} : { PERSON_KEY_SECRET },
  inspectorPort,
  ...(floor ? { config: "bench/floor/wrangler.toml" } : {}),
});
try {
  const rows: Target[] = [
    { name: "floor GET /api/health", url: `${server.url}/api/health` },
    { name: "GET /api/health", url: `${server.url}/api/health` },
    { name: "GET /api/complaints", url: `${server.url}/api/complaints` },
    { name: "GET /open311/v2/requests.json", url: `${server.url}/open311/v2/requests.json` },
    ...sweepsFloorTargets(server.url, ""),
    ...appointmentsFloorTargets(server.url, ""),
  ];
  const row = rows.find((r) => r.name.startsWith(floor ? "floor" : wanted));
  if (!row) throw new Error(`no row starts with "${wanted}": ${rows.map((r) => r.name).join("; ")}`);
  const moduleAt = await bundleModules();
  const sample = row.method === "POST" ? undefined : await fetch(row.url, { headers: row.headers });
  const bytes = sample ? (await sample.arrayBuffer()).byteLength : undefined;
  const dt = await devtools(inspectorPort);
  await dt.send("Profiler.enable");
  await dt.send("Profiler.setSamplingInterval", { interval: Number(values.interval) });
  // A warm-up outside the profile, so the profile is the steady state, not the first compilations.
  // A row that readies its own data (the booking row) runs its own way.
  const run = row.run ?? load;
  await run(row, Number(values.connections), 3);
  await dt.send("Profiler.start");
  const result = await run({ ...row, pgid: server.child.pid }, Number(values.connections), Number(values.duration));
  const { profile } = await dt.send<{ profile: Profile }>("Profiler.stop");
  dt.close();
  if (values.out) await writeFile(values.out, JSON.stringify(profile));
  const requests = result.rps * Number(values.duration);
  const all = profile.timeDeltas.reduce((s, x) => s + x, 0);
  const where = (n: ProfileNode) =>
    n.callFrame.url === "index.js" || n.callFrame.url.endsWith("/index.js")
      ? moduleAt(n.callFrame.lineNumber)
      : n.callFrame.url || "(native)";
  const fn = (n: ProfileNode) =>
    `${n.callFrame.functionName || "(anonymous)"} ${where(n)}:${n.callFrame.lineNumber + 1}`;
  const idle = selfTimes(profile, fn).get("(idle) (native):0") ?? 0;
  console.log(
    `${row.name}: ${result.rps.toFixed(0)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, non-2xx ${result.non2xx}; ` +
      `server CPU ${result.cpuMicros?.toFixed(0)} µs/req; response ${bytes ?? "?"} bytes; isolate busy ${(((all - idle) / requests) | 0).toString()} µs/req (${dt.title})`,
  );
  print("Self time by function", selfTimes(profile, fn), all, requests, Number(values.top));
  print("Inclusive time by function", totalTimes(profile, fn), all, requests, Number(values.top));
  print("Self time by file", selfTimes(profile, where), all, requests, 25);
  const pkg = (n: ProfileNode) => {
    const w = where(n);
    return w.startsWith("functions/") || w.startsWith("src/")
      ? w.split("/").slice(0, 3).join("/")
      : (w.split("/")[0] ?? w);
  };
  print("Self time by package or folder", selfTimes(profile, pkg), all, requests, 25);
} finally {
  await server.stop();
  await rm(persistTo, { recursive: true, force: true });
}
