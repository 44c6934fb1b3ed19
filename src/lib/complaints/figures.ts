// The months the public figures page offers. Pure functions: tests/unit/complaints/figures-page.test.ts.
import { addMonths, chinaMonth } from "../../shared/time";

/**
 * The last `count` full calendar months in China, newest first: the months the API has final
 * figures for. The month under way is left out, its rates would change by the hour.
 */
export function recentMonths(now = new Date(), count = 12): string[] {
  const current = chinaMonth(now);
  return Array.from({ length: count }, (_, i) => addMonths(current, -(i + 1)));
}
