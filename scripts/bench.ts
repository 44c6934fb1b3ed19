// `npm run bench`: page weights of the built site; throughput and latency of the portal's endpoints
// beside a hello-world Worker on the same workerd, in the same run; then query latency with a
// million complaints. Prints tables and writes bench/results/latest.json. Traffic: 127.0.0.1 only.
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { bigDataLatency } from "./bench/big-data.ts";
import { asNewResident, type LoadResult, load, printLoad } from "./bench/load.ts";
import { measurePages } from "./lib/page-weight.ts";
import { run } from "./lib/run.ts";
import { executeLocal, freePort, migrateLocal, startWrangler } from "./lib/wrangler.ts";
import { demoTrackingToken } from "./seed/complaints.ts";
import { seedStatements } from "./seed/index.ts";

const { values } = parseArgs({
  options: {
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "50" },
    cases: { type: "string", default: "1000000" },
    "skip-build": { type: "boolean", default: false },
    /** Only the query latencies with the big data set (the load figures take most of a run). */
    "skip-load": { type: "boolean", default: false },
  },
});
const DURATION = Number(values.duration);
const CONNECTIONS = Number(values.connections);
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
/** Requests per second of the portal beside a hello-world Worker, on the demo data. */
async function loadFigures(): Promise<LoadResult[]> {
  const persistTo = await mkdtemp(join(stateRoot, "portal-bench-"));
  await migrateLocal(persistTo, { quiet: true });
  await executeLocal(persistTo, await seedStatements(), { quiet: true });
  const portal = await startWrangler({ port: await freePort(), persistTo, vars: { LOG_LEVEL: "silent" } });
  const hello = await startWrangler({
    port: await freePort(),
    persistTo: join(persistTo, "hello"),
    config: "bench/hello/wrangler.toml",
  });

  const complaint = JSON.stringify({
    categoryId: "C0118",
    addressText: "临河路口",
    communityId: "linhe",
    description: "路灯不亮，晚上很黑",
    consent: true,
  });
  const results: LoadResult[] = [];
  try {
    results.push(await load({ name: "hello-world Worker GET /", url: `${hello.url}/` }, CONNECTIONS, DURATION));
    results.push(await load({ name: "portal GET /", url: `${portal.url}/` }, CONNECTIONS, DURATION));
    results.push(
      await load({ name: "portal GET /api/health", url: `${portal.url}/api/health` }, CONNECTIONS, DURATION),
    );
    results.push(
      await load(
        {
          name: "portal POST /api/complaints (no photo)",
          url: `${portal.url}/api/complaints`,
          method: "POST",
          body: complaint,
          headers: { "content-type": "application/json" },
          setupRequest: asNewResident,
        },
        CONNECTIONS,
        DURATION,
      ),
    );
    results.push(
      await load(
        {
          name: "portal GET /api/complaints/track",
          url: `${portal.url}/api/complaints/track`,
          headers: { "x-tracking-token": demoTrackingToken(0) },
        },
        CONNECTIONS,
        DURATION,
      ),
    );
  } finally {
    await portal.stop();
    await hello.stop();
    await rm(persistTo, { recursive: true, force: true });
  }
  printLoad(
    `Load: ${CONNECTIONS} connections, ${DURATION} s each, after a 2 s warm-up (autocannon, 127.0.0.1)`,
    results,
    results[0]?.rps,
  );
  return results;
}

const results = values["skip-load"] ? [] : await loadFigures();

const big = Number(values.cases) > 0 ? await bigDataLatency(stateRoot, Number(values.cases), DURATION) : undefined;
if (big)
  printLoad(
    `Query latency with ${big.cases.toLocaleString("en")} cases seeded (seeded in ${big.seedSeconds.toFixed(0)} s)`,
    big.results,
  );

await mkdir("bench/results", { recursive: true });
const out = {
  date: new Date().toISOString(),
  connections: CONNECTIONS,
  durationSeconds: DURATION,
  pages,
  load: results,
  bigData: big,
};
await writeFile("bench/results/latest.json", `${JSON.stringify(out, null, 2)}\n`);
console.log("\nwritten: bench/results/latest.json");
