// `npm run bench`: page weights of the built site, then throughput and latency of the portal's
// endpoints beside a hello-world Worker on the same workerd, in the same run. Prints a table and
// writes bench/results/latest.json. Traffic goes to 127.0.0.1 only.
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { measurePages } from "./lib/page-weight.ts";
import { run } from "./lib/run.ts";
import { executeLocal, freePort, migrateLocal, startWrangler } from "./lib/wrangler.ts";
import { seedStatements } from "./seed/index.ts";

const { values } = parseArgs({
  options: {
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "50" },
    "skip-build": { type: "boolean", default: false },
  },
});
const DURATION = Number(values.duration);
const CONNECTIONS = Number(values.connections);

interface LoadResult {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

async function load(name: string, url: string): Promise<LoadResult> {
  await autocannon({ url, connections: CONNECTIONS, duration: 2 }); // warm-up, not counted
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION });
  return { name, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors };
}

const kb = (n: number) => (n / 1024).toFixed(1);

if (!values["skip-build"]) await run("npm", ["run", "--silent", "build"], { quiet: true });
const pages = await measurePages("dist");
console.log("\nPage weight (KB; gz = gzip -9)\n");
console.log("| page | HTML | HTML gz | CSS | CSS gz | JS | JS gz | HTML+CSS gz |");
console.log("|---|---:|---:|---:|---:|---:|---:|---:|");
for (const p of pages) {
  console.log(
    `| ${p.path} | ${kb(p.html.raw)} | ${kb(p.html.gzip)} | ${kb(p.css.raw)} | ${kb(p.css.gzip)} | ${kb(p.js.raw)} | ${kb(p.js.gzip)} | ${kb(p.html.gzip + p.css.gzip)} |`,
  );
}

// Local D1 state on tmpfs where there is one: the bench measures the Worker, not this VM's disk
// syncs under the D1 emulator (production D1 does not write to our request's disk).
const stateRoot = existsSync("/dev/shm") ? "/dev/shm" : tmpdir();
const persistTo = await mkdtemp(join(stateRoot, "portal-bench-"));
await migrateLocal(persistTo, { quiet: true });
await executeLocal(persistTo, await seedStatements(), { quiet: true });
const portal = await startWrangler({ port: await freePort(), persistTo, vars: { LOG_LEVEL: "silent" } });
const hello = await startWrangler({
  port: await freePort(),
  persistTo: join(persistTo, "hello"),
  config: "bench/hello/wrangler.toml",
});

const results: LoadResult[] = [];
try {
  results.push(await load("hello-world Worker GET /", `${hello.url}/`));
  results.push(await load("portal GET /", `${portal.url}/`));
  results.push(await load("portal GET /api/health", `${portal.url}/api/health`));
} finally {
  await portal.stop();
  await hello.stop();
  await rm(persistTo, { recursive: true, force: true });
}

const baseline = results[0]?.rps ?? 1;
console.log(`\nLoad: ${CONNECTIONS} connections, ${DURATION} s each, after a 2 s warm-up (autocannon, 127.0.0.1)\n`);
console.log("| endpoint | req/s | p50 ms | p99 ms | non-2xx | errors | vs hello-world |");
console.log("|---|---:|---:|---:|---:|---:|---:|");
for (const r of results) {
  console.log(
    `| ${r.name} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.non2xx} | ${r.errors} | ${((r.rps / baseline) * 100).toFixed(0)}% |`,
  );
}

await mkdir("bench/results", { recursive: true });
const out = {
  date: new Date().toISOString(),
  connections: CONNECTIONS,
  durationSeconds: DURATION,
  pages,
  load: results,
};
await writeFile("bench/results/latest.json", `${JSON.stringify(out, null, 2)}\n`);
console.log("\nwritten: bench/results/latest.json");
