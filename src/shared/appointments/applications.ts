// Signboard applications (门头店招设置申请) as data: the steps an application goes through after intake
// at the desk, which staff action moves it from which step, and each step's time limit in WORKING
// days (行政许可法 art. 82: statutory holidays excluded, a make-up day (调休) counted), computed with
// the holiday calendar (calendar.ts). Pure: the Worker enforces it (and migrations/0019's trigger
// repeats the allowed moves), the staff console and the merchant's pages state the same thing.
import { addDays } from "../time.ts";
import { type OPEN_STEPS, STEP_LIMITS } from "./applications-steps.ts";
import {
  CALENDAR,
  type Calendar,
  isoWeekday,
  isUnknownYear,
  workingDaysAfter,
  workingDaysBetween,
} from "./calendar.ts";
import { BOOKING_RULES, checklist, type ServicesFile } from "./points.ts";

export * from "./applications-steps.ts";

/** A deadline: the last day (China time), and whether a year without holiday data made it an estimate. */
export interface Due {
  day: string;
  /** The count ran into a year whose holidays are not in the data: Monday–Friday were counted instead. */
  estimated: boolean;
}

/** The n-th weekday (Mon–Fri) after `day`: the estimate used only where the holiday data ends. */
function weekdaysAfter(day: string, n: number): string {
  let current = day;
  for (let counted = 0; counted < n; ) {
    current = addDays(current, 1);
    if (isoWeekday(current) <= 5) counted++;
  }
  return current;
}

/** `n` working days after `day` (that day not counted); an estimate past the holiday data. */
export function dueAfter(day: string, n: number, calendar: Calendar = CALENDAR): Due {
  const due = workingDaysAfter(day, n, calendar);
  return isUnknownYear(due) ? { day: weekdaysAfter(day, n), estimated: true } : { day: due, estimated: false };
}

/**
 * The deadline of an open step entered on `today`: counted from `today`, or from the acceptance day
 * for the decision clock. `correctionDays` is the count staff gave a correction request.
 */
export function stepDue(
  step: (typeof OPEN_STEPS)[number],
  today: string,
  opts: { acceptedOn?: string | null; correctionDays?: number } = {},
  calendar: Calendar = CALENDAR,
): Due {
  const limit = STEP_LIMITS[step];
  if (step === "correction") return dueAfter(today, opts.correctionDays ?? limit.workingDays, calendar);
  const from = limit.clock === "accepted" ? (opts.acceptedOn ?? today) : today;
  return dueAfter(from, limit.workingDays, calendar);
}

/**
 * Working days left until a deadline: 0 on the day itself, negative once it passed (overdue by that
 * many working days). Null when the holiday data does not reach the days between.
 */
export function workingDaysLeft(today: string, due: string, calendar: Calendar = CALENDAR): number | null {
  const n = workingDaysBetween(today, due, calendar);
  return isUnknownYear(n) ? null : n;
}

export const isOverdue = (today: string, due: string) => due < today;

/**
 * The materials an intake asks for, from the intake checklist of content/appointments/services.json
 * (the agent's power of attorney included): what a correction request offers to tick.
 */
export function intakeMaterials(rules: ServicesFile = BOOKING_RULES): string[] {
  return checklist("intake", true, rules).map((b) => b.item);
}
