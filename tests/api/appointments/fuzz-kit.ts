import type { env } from "cloudflare:workers";
import fc from "fast-check";
import { app } from "../../../functions/app";
import { ORIGIN } from "../staff/factories";

// The loop both appointments fuzz suites run (./fuzz.test.ts, ./applications-fuzz.test.ts): batches
// of concurrent requests, each from a fresh client address, every one of which must answer 4xx
// problem+json. The suites differ in what they send, which limiter they open and their seed.

export interface FuzzRequest {
  path: string;
  init: { method: string; headers: Record<string, string>; body?: string };
}

const BATCH = 10;

interface Fuzzing {
  /** The environment the app runs with (a limiter that always allows: the fuzz is about validation and writes). */
  env: typeof env;
  /** The client address prefix, distinct per suite (e.g. `2001:db8:f::`). */
  ipPrefix: string;
  runs: number;
  seed: number;
}

/** Sends `runs` requests drawn from `request`, BATCH at a time, failing on any answer but a 4xx problem. */
export async function answersOnlyProblems(request: fc.Arbitrary<FuzzRequest>, o: Fuzzing): Promise<void> {
  let seq = 0;
  const send = async ({ path, init }: FuzzRequest) => {
    const req = new Request(`${ORIGIN}${path}`, {
      ...init,
      headers: { ...init.headers, "cf-connecting-ip": `${o.ipPrefix}${(++seq).toString(16)}` },
    });
    const res = await app.fetch(req, o.env);
    const type = res.headers.get("content-type") ?? "";
    const body = await res.text();
    if (res.status < 400 || res.status >= 500 || !type.includes("application/problem+json")) {
      throw new Error(`${init.method} ${path} ${init.body ?? ""} → ${res.status} ${type} ${body.slice(0, 200)}`);
    }
  };
  await fc.assert(
    fc.asyncProperty(fc.array(request, { minLength: BATCH, maxLength: BATCH }), (batch) =>
      Promise.all(batch.map(send)).then(() => undefined),
    ),
    { numRuns: Math.ceil(o.runs / BATCH), seed: o.seed },
  );
}
