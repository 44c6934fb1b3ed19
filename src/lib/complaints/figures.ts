// The months the public figures page offers and how it names them. Pure functions:
// tests/unit/complaint-figures-page.test.ts.
import { chinaDay } from "./format";

/** "2026-10" → "2026年10月". */
export function formatMonthZh(month: string): string {
  const [year, mm] = month.split("-");
  return `${year}年${Number(mm)}月`;
}

/**
 * The last `count` full calendar months in China, newest first: the months the API has final
 * figures for. The month under way is left out, its rates would change by the hour.
 */
export function recentMonths(now = new Date(), count = 12): string[] {
  const [year, month] = chinaDay(now).split("-").map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    // Months counted from year 0, so stepping back across January needs no special case.
    const n = year * 12 + (month - 1) - (i + 1);
    return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, "0")}`;
  });
}
