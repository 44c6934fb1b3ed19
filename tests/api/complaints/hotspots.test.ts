import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import worker from "../../../functions/index";
import type { Hotspots } from "../../../src/shared/complaints/wire";
import { addDays, chinaDay } from "../../../src/shared/time";
import { fileOk, ORIGIN, pointIn } from "./factories";

const hotspots = async (days: 30 | 90) =>
  (await (await exports.default.fetch(`${ORIGIN}/api/complaints/hotspots?days=${days}`)).json()) as Hotspots;
/** The China-time day `n` days before today. */
const daysAgo = (n: number) => addDays(chinaDay(), -n);

async function addCount(day: string, communityId: string, categoryId: string, n: number) {
  await env.DB.prepare(
    "INSERT INTO complaint_daily_counts (day, community_id, category_id, n) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET n = n + excluded.n",
  )
    .bind(day, communityId, categoryId, n)
    .run();
}

async function runCron() {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ scheduledTime: Date.now(), cron: "*/15 * * * *" }), env, ctx);
  await waitOnExecutionContext(ctx);
}

const sorted = (h: Hotspots) =>
  [...h.cells].sort((a, b) => `${a.communityId}${a.categoryId}`.localeCompare(`${b.communityId}${b.categoryId}`));

describe("hot-spot snapshots", () => {
  it("give the same counts as summing the whole window, with today's filings counted at once", async () => {
    await addCount(daysAgo(3), "hubin", "E0302", 4);
    await addCount(daysAgo(40), "hubin", "E0302", 5);
    await addCount(daysAgo(100), "hubin", "E0302", 9); // outside both windows
    await fileOk({ ...pointIn("hubin"), categoryId: "E0302" });
    const live30 = await hotspots(30);
    const live90 = await hotspots(90);

    await runCron();
    const snapshots = await env.DB.prepare("SELECT days, through_day FROM hotspot_snapshots ORDER BY days").all();
    expect(snapshots.results).toEqual([
      { days: 30, through_day: daysAgo(1) },
      { days: 90, through_day: daysAgo(1) },
    ]);
    expect(sorted(await hotspots(30))).toEqual(sorted(live30));
    expect(sorted(await hotspots(90))).toEqual(sorted(live90));
    const cell = (h: Hotspots) => h.cells.find((c) => c.communityId === "hubin" && c.categoryId === "E0302")?.count;
    expect(cell(live30)).toBe(5);
    expect(cell(live90)).toBe(10);

    // A filing after the snapshot still counts at once: today is always read live.
    await fileOk({ ...pointIn("hubin"), categoryId: "E0302" });
    expect(cell(await hotspots(30))).toBe(6);
  });

  it("read the snapshot and today's rows, not the whole window, once the cron has run", async () => {
    await addCount(daysAgo(10), "beiyuan", "E0102", 2);
    await runCron();
    // A row changed behind the snapshot's back shows that the closed days come from the snapshot.
    await env.DB.prepare("UPDATE complaint_daily_counts SET n = 99 WHERE community_id = 'beiyuan'").run();
    const cell = (await hotspots(30)).cells.find((c) => c.communityId === "beiyuan");
    expect(cell?.count).toBe(2);
  });
});
