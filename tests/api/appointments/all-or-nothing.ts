import { env } from "cloudflare:workers";
import { expect } from "vitest";
import { instrumentedDb } from "../instrumented-db";

// The sweeps' all-or-nothing check (tests/api/sweeps/all-or-nothing.ts) over the appointments'
// tables: that helper watches the sweeps' tables by name, and this feature's are found the same way.
// One check for every appointments part: each says which tables its mutations may touch (the desk
// and the calendar add the audit log, the applications their own tables too).

type Act = (e: typeof env) => Response | Promise<Response>;

/** The public booking's tables. */
export const APPOINTMENT_TABLES = ["appointment%"];
/** A staff step's: its audit row is in its batch. */
export const STAFF_TABLES = ["appointment%", "audit_log"];

/** The names of the tables matching any of the LIKE patterns, in order. */
export async function tablesLike(patterns: readonly string[]): Promise<string[]> {
  const { results } = await env.DB.prepare(
    `SELECT name FROM sqlite_master WHERE type = 'table' AND (${patterns.map(() => "name LIKE ?").join(" OR ")}) ORDER BY name`,
  )
    .bind(...patterns)
    .all<{ name: string }>();
  return results.map((r) => r.name);
}

/** Every row of the tables matching the patterns, by table. */
export async function snapshot(patterns: readonly string[]): Promise<Record<string, unknown[]>> {
  const tables = await tablesLike(patterns);
  const rows = await env.DB.batch(tables.map((t) => env.DB.prepare(`SELECT * FROM "${t}" ORDER BY rowid`)));
  return Object.fromEntries(tables.map((t, i) => [t, rows[i]?.results ?? []]));
}

/**
 * Fails the mutation's write batch at each of its statements in turn: each attempt answers 500,
 * reached exactly one write batch and left every watched table as it was. Then the mutation
 * runs whole: `ok`, one write batch, no write outside it, something changed. Returns the batch's
 * length and the whole run's answer.
 */
export async function allOrNothingOver(
  watched: readonly string[],
  name: string,
  act: Act,
  ok = 200,
): Promise<{ length: number; answer: Response }> {
  const before = await snapshot(watched);
  let length = 1;
  for (let failAt = 0; failAt < length; failAt++) {
    const probe = instrumentedDb(failAt);
    const at = `${name}, failing at statement ${failAt}`;
    expect((await act(probe.env)).status, at).toBe(500);
    expect(probe.stats.writeBatches, at).toBe(1);
    length = probe.stats.statements[0] ?? 0;
    expect(await snapshot(watched), at).toEqual(before);
  }
  const probe = instrumentedDb();
  const answer = await act(probe.env);
  expect(answer.status, `${name}: ${await answer.clone().text()}`).toBe(ok);
  expect(probe.stats.writesOutsideBatch, name).toBe(0);
  expect(probe.stats.writeBatches, name).toBe(1);
  expect(probe.stats.statements[0], name).toBe(length);
  expect(await snapshot(watched), `${name} wrote something`).not.toEqual(before);
  return { length, answer };
}

/** The check over the appointments' tables. Returns the batch's length. */
export async function allOrNothing(name: string, act: Act, ok = 200): Promise<number> {
  return (await allOrNothingOver(APPOINTMENT_TABLES, name, act, ok)).length;
}
