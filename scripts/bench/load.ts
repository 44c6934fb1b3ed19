import autocannon from "autocannon";
import { groupCpuSeconds } from "./cpu.ts";

export interface LoadResult {
  name: string;
  connections: number;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  /** Server CPU (its whole process group) per answered request, in microseconds, when measured. */
  cpuMicros?: number;
}

export interface Target {
  name: string;
  url: string;
  method?: "GET" | "POST";
  body?: string;
  headers?: Record<string, string>;
  /** Varies each request (a fresh Idempotency-Key and client address, say). */
  setupRequest?: (req: autocannon.Request) => autocannon.Request;
  /** The server's process group, to measure its CPU per request. */
  pgid?: number;
  /** Runs the row itself instead of load() (a row that must ready its data before each round). */
  run?: (t: Target, connections: number, duration: number) => Promise<LoadResult>;
}

/** autocannon's options for one target. */
export function cannonOptions(t: Target, connections: number, duration: number): autocannon.Options {
  return {
    url: t.url,
    connections,
    duration,
    // autocannon calls any setupRequest key it finds, so it is left out when there is none.
    requests: [
      {
        method: t.method ?? "GET",
        body: t.body,
        headers: t.headers,
        ...(t.setupRequest ? { setupRequest: t.setupRequest } : {}),
      },
    ],
  };
}

/** autocannon against one target after a 2 s warm-up that is not counted. */
export async function load(t: Target, connections: number, duration: number): Promise<LoadResult> {
  const opts = cannonOptions(t, connections, duration);
  await autocannon({ ...opts, duration: 2 });
  const cpuBefore = t.pgid ? await groupCpuSeconds(t.pgid) : 0;
  const r = await autocannon(opts);
  const cpu = t.pgid ? (await groupCpuSeconds(t.pgid)) - cpuBefore : undefined;
  return {
    name: t.name,
    connections,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors,
    cpuMicros: cpu === undefined || r.requests.total === 0 ? undefined : (cpu / r.requests.total) * 1e6,
  };
}

export function printLoad(title: string, results: LoadResult[], baseline?: number): void {
  console.log(`\n${title}\n`);
  console.log(
    `| endpoint | conns | req/s | p50 ms | p99 ms | non-2xx | errors |${baseline ? " vs hello-world |" : ""}`,
  );
  console.log(`|---|---:|---:|---:|---:|---:|---:|${baseline ? "---:|" : ""}`);
  for (const r of results) {
    const ratio = baseline ? ` ${((r.rps / baseline) * 100).toFixed(0)}% |` : "";
    console.log(
      `| ${r.name} | ${r.connections} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.non2xx} | ${r.errors} |${ratio}`,
    );
  }
}

let counter = 0;
/** A new Idempotency-Key and client address per request: many residents, each filing once. */
export function asNewResident(req: autocannon.Request): autocannon.Request {
  const n = ++counter;
  req.headers = {
    ...req.headers,
    "idempotency-key": `bench-${process.pid}-${n}`,
    // RFC 2544 benchmarking addresses, as header values only: all traffic goes to 127.0.0.1.
    "cf-connecting-ip": `198.${18 + ((n >> 16) & 1)}.${(n >> 8) & 255}.${n & 255}`,
  };
  return req;
}
