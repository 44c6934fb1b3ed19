import { addDays, lastDays } from "../../../src/shared/time";
import type { Db } from "../../db/client";
import {
  dropHotspotSnapshotsBefore,
  hotspotSnapshot,
  hotspotWindow,
  saveHotspotSnapshot,
} from "../../db/complaints/index";
import type { BatchRunner } from "../../platform/ports";

export const HOTSPOT_WINDOWS = [30, 90] as const;

type Cell = { communityId: string; categoryId: string; count: number };
type Packed = [string, string, number][];

/** The window's first day, yesterday and today, in China time. */
function windowDays(days: number, now: Date) {
  const { from, to: today } = lastDays(days, now);
  return { from, yesterday: addDays(today, -1), today };
}

/**
 * Counts per community and category over the last `days` days including today. With the cron's
 * snapshot of the closed days, one round trip reads it and today's few rows; without one (before
 * the first cron run), the whole window is summed.
 */
export async function hotspotCells(db: Db, days: number, now = new Date()): Promise<{ since: string; cells: Cell[] }> {
  const { from, yesterday, today } = windowDays(days, now);
  const [snapshot, todays] = await db.batch([hotspotSnapshot(db, days, yesterday), hotspotWindow(db, today, today)]);
  if (!snapshot[0]) return { since: from, cells: await hotspotWindow(db, from, today).all() };
  const sums = new Map<string, Cell>();
  const add = (communityId: string, categoryId: string, count: number) => {
    const key = `${communityId}\u0000${categoryId}`;
    const cell = sums.get(key) ?? { communityId, categoryId, count: 0 };
    cell.count += count;
    sums.set(key, cell);
  };
  for (const [community, category, n] of JSON.parse(snapshot[0].cells) as Packed) add(community, category, n);
  for (const c of todays) add(c.communityId, c.categoryId, c.count);
  return { since: from, cells: [...sums.values()] };
}

/** The cron's work: sums of each window's closed days, saved in one batch; older snapshots dropped. */
export async function refreshHotspotSnapshots(db: Db, batch: BatchRunner, now = new Date()): Promise<void> {
  const computedAt = now.toISOString();
  // Builders are thenables: they are read here, and only built (not awaited) for the batch below.
  const sums = await Promise.all(
    HOTSPOT_WINDOWS.map((days) => hotspotWindow(db, windowDays(days, now).from, windowDays(days, now).yesterday).all()),
  );
  const save = (k: 0 | 1) =>
    saveHotspotSnapshot(db, {
      days: HOTSPOT_WINDOWS[k],
      throughDay: windowDays(HOTSPOT_WINDOWS[k], now).yesterday,
      cells: JSON.stringify((sums[k] ?? []).map((c): Packed[number] => [c.communityId, c.categoryId, c.count])),
      computedAt,
    });
  await batch.run([save(0), save(1), dropHotspotSnapshotsBefore(db, windowDays(1, now).yesterday)]);
}
