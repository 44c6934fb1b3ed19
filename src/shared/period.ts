// The one valibot schema for dates in a request: a day that exists, a month, and a period of days
// that runs forwards and is not longer than its endpoint allows. Every endpoint that takes a date
// builds its query schema from these, so "2026-02-31" or a reversed period gets the same 422 with
// a field pointer everywhere. The days are China-time days (src/shared/time.ts).
import * as v from "valibot";
import { daysBetween, isDay, isMonth } from "./time.ts";

/** A day "YYYY-MM-DD" that exists (not 2026-02-31, not 2026-13-01). */
export const daySchema = (label = "日期") =>
  v.pipe(
    v.string(`请给出${label}`),
    // One check, one message: a pipe goes on after a failed validation.
    v.check(isDay, (issue) =>
      /^\d{4}-\d{2}-\d{2}$/.test(issue.input) ? `${label}不存在，请检查月份和日期` : `${label}格式应为 YYYY-MM-DD`,
    ),
  );

export const DaySchema = daySchema();

/** A calendar month "YYYY-MM". */
export const MonthSchema = v.pipe(
  v.string("请给出月份"),
  v.check(isMonth, (issue) => (/^\d{4}-\d{2}$/.test(issue.input) ? "月份应在 01 到 12 之间" : "月份格式应为 YYYY-MM")),
);

export const FromDaySchema = daySchema("起始日期");
export const ToDaySchema = daySchema("结束日期");

/** Endpoints' longest periods, in days counted inclusively (a leap year fits in 366). */
export const MAX_PERIOD_DAYS = { year: 366 } as const;

type Bounds = { from?: string | undefined; to?: string | undefined };

/**
 * The rule for a period's two ends, to put in a `v.pipe` after the object that holds `from` and
 * `to`: `to` not before `from`, and at most `maxDays` days from the first to the last, both
 * included (no limit when absent). Reported at `/to`. An end left out (an optional filter) is
 * not checked.
 */
export function periodRule<T extends Bounds>(maxDays?: number) {
  // The ends' own schemas report a day that does not exist; this pipe still runs after them.
  const length = (p: T) => (p.from && p.to && isDay(p.from) && isDay(p.to) ? daysBetween(p.from, p.to) + 1 : 1);
  return v.forward<T, v.CheckIssue<T>, ["to"]>(
    v.check<T, (issue: v.CheckIssue<T>) => string>(
      (p) => length(p) >= 1 && (maxDays === undefined || length(p) <= maxDays),
      (issue) =>
        length(issue.input) < 1
          ? "起始日期不能晚于结束日期"
          : `时间段最长${maxDays === MAX_PERIOD_DAYS.year ? "一年" : ` ${maxDays} 天`}`,
    ),
    // TypeScript cannot see that "to" is a key of every T with a `to`; the constraint says so.
    ["to"] as Parameters<typeof v.forward<T, v.CheckIssue<T>, ["to"]>>[1],
  );
}

/**
 * An object schema with `from` and `to` (and perhaps other fields), checked as a period.
 *
 * @example
 * const FiguresQuerySchema = withPeriod(v.object({ from: FromDaySchema, to: ToDaySchema, by: ByUnit }), 366);
 */
export function withPeriod<TSchema extends v.GenericSchema<unknown, Bounds>>(schema: TSchema, maxDays?: number) {
  // Spelled out: inferred inside a generic function, the pipe's output would be `unknown`.
  return v.pipe<TSchema, ReturnType<typeof periodRule<v.InferOutput<TSchema>>>>(
    schema,
    periodRule<v.InferOutput<TSchema>>(maxDays),
  );
}

/** `from` and `to`, both required, at most `maxDays` days. */
export const periodSchema = (maxDays: number) =>
  withPeriod(v.object({ from: FromDaySchema, to: ToDaySchema }), maxDays);
