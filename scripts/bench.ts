// `npm run bench`: page weights of the built site; throughput and latency of the portal's endpoints
// as a share of the platform floor (bench/floor, run by the same workerd in the same run), each row
// the median of interleaved rounds; then query latency with a million complaints. Prints tables and
// writes bench/results/latest.json. Traffic: 127.0.0.1 only. `npm run bench -- sweeps` runs only the
// sweeps' balance simulation (scripts/bench/sweeps-balance.ts; no Worker, a few seconds), which the
// full run includes too.
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { parseArgs } from "node:util";
import { bigDataLatency } from "./bench/big-data.ts";
import { platformFloor, printFloor } from "./bench/floor.ts";
import { printLoad } from "./bench/load.ts";
import { printQueryTimes } from "./bench/query-time.ts";
import { printSimulation, simulateBalance } from "./bench/sweeps-balance.ts";
import { measurePages } from "./lib/page-weight.ts";
import { run } from "./lib/run.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "50" },
    cases: { type: "string", default: "1000000" },
    "skip-build": { type: "boolean", default: false },
    /** Only the query latencies with the big data set (the load figures take most of a run). */
    "skip-load": { type: "boolean", default: false },
    /** Only the page weights and the floor table: no million-case seeding. */
    "skip-big-data": { type: "boolean", default: false },
    /** Interleaved rounds of the floor table; each row reports its median. */
    rounds: { type: "string", default: "3" },
    /** Every portal row with logging off too (by default only /api/health is). */
    "compare-logging": { type: "boolean", default: false },
    /** Only the floor and the rows whose names contain one of these (comma-separated): an A/B of a few rows. */
    only: { type: "string" },
  },
});
if (positionals.some((p) => p !== "sweeps")) {
  console.error(`unknown argument: ${positionals.join(" ")} (only "sweeps" runs a part alone)`);
  process.exit(2);
}
if (positionals[0] === "sweeps") {
  const balance = simulateBalance();
  printSimulation(balance);
  await mkdir("bench/results", { recursive: true });
  await writeFile("bench/results/sweeps-balance.json", `${JSON.stringify(balance, null, 2)}\n`);
  console.log("\nwritten: bench/results/sweeps-balance.json");
  process.exit(balance.pass ? 0 : 1);
}
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
const floorOptions = {
  connections: CONNECTIONS,
  duration: DURATION,
  rounds: Number(values.rounds),
  compareLogging: values["compare-logging"],
  only: values.only?.split(",").filter(Boolean),
};
const floor = values["skip-load"] ? [] : await platformFloor(stateRoot, floorOptions);
if (floor.length > 0) printFloor(floor, floorOptions);
// A floor that does not hold fails the command, after the rest has been measured and written.
if (floor.some((r) => r.pass === false)) process.exitCode = 1;

const big =
  Number(values.cases) > 0 && !values["skip-big-data"]
    ? await bigDataLatency(stateRoot, Number(values.cases), DURATION)
    : undefined;
if (big)
  printLoad(
    `Query latency with ${big.cases.toLocaleString("en")} cases, 5,000 sweeps and 100,000 sign-ups, 200,000 bookings seeded (seeded in ${big.seedSeconds.toFixed(0)} s)`,
    big.results,
  );
if (big)
  printQueryTimes(
    "The same data: the queries' own SQLite time (D1 meta.duration, 1 ms steps) and the proxy's wall time",
    big.queryTimes,
  );

const balance = simulateBalance();
printSimulation(balance);
if (!balance.pass) process.exitCode = 1;

await mkdir("bench/results", { recursive: true });
const out = {
  date: new Date().toISOString(),
  connections: CONNECTIONS,
  durationSeconds: DURATION,
  pages,
  rounds: floorOptions.rounds,
  floor,
  bigData: big,
  sweepsBalance: balance,
};
await writeFile("bench/results/latest.json", `${JSON.stringify(out, null, 2)}\n`);
console.log("\nwritten: bench/results/latest.json");
