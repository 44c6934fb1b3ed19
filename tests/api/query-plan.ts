import { env } from "cloudflare:workers";
import { expect } from "vitest";
import { createDb } from "../../functions/db/client";

/** SQLite's plan for a drizzle query, one line per step. */
export async function plan(query: { toSQL(): { sql: string; params: unknown[] } }): Promise<string[]> {
  const { sql, params } = query.toSQL();
  const rows = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`)
    .bind(...params)
    .all<{ detail: string }>();
  return rows.results.map((r) => r.detail);
}

export const db = createDb(env.DB);
/** Every table the plan reads is searched through an index, never scanned whole. */
export function expectIndexed(steps: string[]) {
  expect(steps.length).toBeGreaterThan(0);
  for (const step of steps.filter((s) => /^(SCAN|SEARCH)/.test(s))) {
    expect(step, steps.join(" | ")).toMatch(/USING (COVERING )?INDEX|USING INTEGER PRIMARY KEY|PRIMARY KEY/);
  }
}
