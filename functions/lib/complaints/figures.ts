import { categoryById } from "../../../src/shared/complaints/categories";
import type { Figures, FiguresGrouping } from "../../../src/shared/complaints/console-wire";
import { type Counts, emptyCounts, METRICS, ratesOf } from "../../../src/shared/complaints/figures";
import { addMonths, chinaMonth, monthEnd, monthStart } from "../../../src/shared/time";
import type { Db } from "../../db/client";
import { figureSums } from "../../db/complaints/handling";
import { listUnits } from "../../db/staff/units";

/**
 * The figures for China-time days [from, to], per unit or per category, with the total. Every case
 * counts under exactly one unit key and one category key, so either grouping sums to the same total.
 */
export async function figures(db: Db, by: FiguresGrouping, from: string, to: string): Promise<Figures> {
  const [sumRows, units] = await db.batch([figureSums(db, by, from, to), listUnits(db)]);
  const names = new Map(units.map((u) => [u.id, u.name]));
  const rows = new Map<string, Counts>();
  const total = emptyCounts();
  for (const { key, ...sums } of sumRows) {
    const counts = emptyCounts();
    for (const m of METRICS) {
      counts[m] = Number(sums[m] ?? 0);
      total[m] += counts[m];
    }
    if (METRICS.some((m) => counts[m] !== 0)) rows.set(key, counts);
  }
  const nameOf = (key: string) =>
    by === "unit" ? (key ? (names.get(key) ?? key) : "未指定单位") : (categoryById(key)?.name ?? key);
  return {
    from,
    to,
    by,
    total: { counts: total, rates: ratesOf(total) },
    rows: [...rows]
      .map(([id, counts]) => ({ id, name: nameOf(id), counts, rates: ratesOf(counts) }))
      .sort((a, b) => b.counts.received - a.counts.received || a.name.localeCompare(b.name, "zh")),
  };
}

/** The first and last China-time day of a month "2026-10"; the last full month before `now` by default. */
export function monthRange(month: string | undefined, now = new Date()) {
  const m = month ?? addMonths(chinaMonth(now), -1);
  return { month: m, from: monthStart(m), to: monthEnd(m) };
}
