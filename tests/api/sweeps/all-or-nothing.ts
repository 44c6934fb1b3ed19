import { env } from "cloudflare:workers";
import { expect } from "vitest";
import { app } from "../../../functions/app";
import { instrumentedDb } from "../instrumented-db";
import { newClientIp, ORIGIN } from "../staff/factories";

type Act = (e: typeof env) => Response | number | Promise<Response | number>;

/** The feature's tables, read from the schema so a table added later is watched too, and the audit log. */
export async function watchedTables(): Promise<string[]> {
  const { results } = await env.DB.prepare(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND (name LIKE 'sweep%' OR name = 'audit_log') ORDER BY name",
  ).all<{ name: string }>();
  return results.map((r) => r.name);
}

/** Every row of every watched table: what a failed mutation must leave exactly as it was. */
export async function snapshot(): Promise<Record<string, unknown[]>> {
  const tables = await watchedTables();
  const rows = await env.DB.batch(tables.map((t) => env.DB.prepare(`SELECT * FROM "${t}" ORDER BY rowid`)));
  return Object.fromEntries(tables.map((t, i) => [t, rows[i]?.results ?? []]));
}

/** Rows per watched table. */
export async function tableCounts(): Promise<Record<string, number>> {
  const tables = await watchedTables();
  const rows = await env.DB.batch(tables.map((t) => env.DB.prepare(`SELECT count(*) AS n FROM "${t}"`)));
  return Object.fromEntries(tables.map((t, i) => [t, (rows[i]?.results[0] as { n: number } | undefined)?.n ?? 0]));
}

const statusOf = async (r: Response | number) => (typeof r === "number" ? r : r.status);

interface Options {
  /** The whole run's status. */
  ok?: number;
  /** Write batches after the first are expected (the cron's later steps, each on its own). */
  laterBatches?: boolean;
}

/**
 * Fails the mutation's write batch at each of its statements in turn: every attempt answers 500,
 * reached the write (one write batch) and left every sweeps table and the audit log exactly as they
 * were. Then the mutation runs whole: its answer is `ok`, it is exactly one write batch and no other
 * write, and it changed something. Returns that last run's answer and the batch's length.
 */
export async function allOrNothing(name: string, act: Act, { ok = 200, laterBatches = false }: Options = {}) {
  const before = await snapshot();
  let length = 1;
  for (let failAt = 0; failAt < length; failAt++) {
    const probe = instrumentedDb(failAt);
    const at = `${name}, failing at statement ${failAt}`;
    expect(await statusOf(await act(probe.env)), at).toBe(500);
    expect(probe.stats.writeBatches, at).toBe(1);
    length = probe.stats.statements[0] ?? 0;
    expect(await snapshot(), at).toEqual(before);
  }
  const probe = instrumentedDb();
  const answer = await act(probe.env);
  expect(await statusOf(answer), name).toBe(ok);
  expect(probe.stats.writesOutsideBatch, name).toBe(0);
  if (laterBatches) expect(probe.stats.writeBatches, name).toBeGreaterThanOrEqual(1);
  else expect(probe.stats.writeBatches, name).toBe(1);
  expect(probe.stats.statements[0], name).toBe(length);
  expect(await snapshot(), `${name} wrote something`).not.toEqual(before);
  return { answer, length };
}

type E = typeof env;

/** A public sweeps request (path under /api/sweeps) through the app with a given environment. */
export function publicVia(e: E, path: string, method: string, headers: Record<string, string> = {}, body?: unknown) {
  return app.request(
    `/api/sweeps${path}`,
    {
      method,
      headers: {
        "cf-connecting-ip": newClientIp(),
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    },
    e,
  );
}

/** A staff request (path under /api/staff/sweeps) as the console sends it, through the app with a given environment. */
export function staffVia(e: E, cookie: string, path: string, method: string, body?: unknown) {
  return app.request(
    `/api/staff/sweeps${path}`,
    {
      method,
      headers: {
        origin: ORIGIN,
        "sec-fetch-site": "same-origin",
        "cf-connecting-ip": newClientIp(),
        cookie,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    },
    e,
  );
}
