import { env } from "cloudflare:workers";
import { expect } from "vitest";
import { instrumentedDb } from "../instrumented-db";

// The sweeps' all-or-nothing check (tests/api/sweeps/all-or-nothing.ts) over the appointments'
// tables: that helper watches the sweeps' tables by name, and this feature's are found the same way.

type Act = (e: typeof env) => Promise<Response>;

async function snapshot(): Promise<Record<string, unknown[]>> {
  const { results } = await env.DB.prepare(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'appointment%' ORDER BY name",
  ).all<{ name: string }>();
  const tables = results.map((r) => r.name);
  const rows = await env.DB.batch(tables.map((t) => env.DB.prepare(`SELECT * FROM "${t}" ORDER BY rowid`)));
  return Object.fromEntries(tables.map((t, i) => [t, rows[i]?.results ?? []]));
}

/**
 * Fails the mutation's write batch at each of its statements in turn: each attempt answers 500,
 * reached exactly one write batch and left every appointments table as it was. Then the mutation
 * runs whole: `ok`, one write batch, no write outside it, something changed. Returns the batch's length.
 */
export async function allOrNothing(name: string, act: Act, ok = 200): Promise<number> {
  const before = await snapshot();
  let length = 1;
  for (let failAt = 0; failAt < length; failAt++) {
    const probe = instrumentedDb(failAt);
    const at = `${name}, failing at statement ${failAt}`;
    expect((await act(probe.env)).status, at).toBe(500);
    expect(probe.stats.writeBatches, at).toBe(1);
    length = probe.stats.statements[0] ?? 0;
    expect(await snapshot(), at).toEqual(before);
  }
  const probe = instrumentedDb();
  const answer = await act(probe.env);
  expect(answer.status, `${name}: ${await answer.clone().text()}`).toBe(ok);
  expect(probe.stats.writesOutsideBatch, name).toBe(0);
  expect(probe.stats.writeBatches, name).toBe(1);
  expect(probe.stats.statements[0], name).toBe(length);
  expect(await snapshot(), `${name} wrote something`).not.toEqual(before);
  return length;
}
