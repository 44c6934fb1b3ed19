/**
 * Reads `wrangler d1 execute --json` output of the demo-account count query and says whether a
 * deploy may go on. Anything unreadable counts as "no": a guard that cannot see must not pass.
 */
export function demoAccountsIn(wranglerJson: string): number {
  const parsed = JSON.parse(wranglerJson) as { results?: { demo?: unknown }[] }[];
  const demo = parsed[0]?.results?.[0]?.demo;
  if (typeof demo !== "number") throw new Error(`unexpected wrangler output: ${wranglerJson.slice(0, 200)}`);
  return demo;
}

export const DEMO_COUNT_SQL = "SELECT count(*) AS demo FROM staff_users WHERE is_demo = 1";
