// The booking rules of content/appointments/services.json applied to one person or one booking:
// the cancel cut-off and the no-show rule (one registry's practice: 2 no-shows in 3 months restrict
// booking). Pure, so the Worker enforces and the pages state the same thing.
import { addDays, addMonths, isDay, monthEnd } from "../time.ts";
import { BOOKING_RULES, type ServicesFile } from "./points.ts";

/** The last instant a booking starting at `start` may still be cancelled or rescheduled by the merchant. */
export function cancelDeadline(start: string, rules: ServicesFile = BOOKING_RULES): Date {
  return new Date(Date.parse(start) - rules.cancelCutoffHours * 3_600_000);
}

export const canCancel = (start: string, now: Date, rules: ServicesFile = BOOKING_RULES) =>
  now.getTime() <= cancelDeadline(start, rules).getTime();

/** The day `months` months after `day`, kept within the month (31 Jan + 1 month is 28 or 29 Feb). */
function addMonthsToDay(day: string, months: number): string {
  const month = addMonths(day.slice(0, 7), months);
  const last = monthEnd(month);
  const candidate = `${month}-${day.slice(8)}`;
  return candidate > last ? last : candidate;
}

/**
 * The last day a person may not book because of no-shows, or null when they may book on `today`:
 * `count` no-shows within `withinMonths` restrict booking for `restrictedDays` days from the one
 * that reached the count. `noShowDays` are the China-time days of the person's no-shows.
 */
export function noShowRestriction(
  noShowDays: readonly string[],
  today: string,
  rules: ServicesFile = BOOKING_RULES,
): string | null {
  const { count, withinMonths, restrictedDays } = rules.noShowRule;
  const days = [...noShowDays].filter(isDay).sort();
  let until: string | null = null;
  for (let i = count - 1; i < days.length; i++) {
    const first = days[i - count + 1] as string;
    const last = days[i] as string;
    if (last <= addMonthsToDay(first, withinMonths)) {
      const end = addDays(last, restrictedDays - 1);
      if (until === null || end > until) until = end;
    }
  }
  return until !== null && until >= today ? until : null;
}
