// China's public holidays and make-up working days (调休) from content/appointments/holidays-YYYY.json,
// one file per year as the State Council publishes them: checked here when loaded, so a typo in a
// date fails the build and the tests instead of opening a service point on 国庆.
import * as v from "valibot";
import raw2026 from "../../../content/appointments/holidays-2026.json" with { type: "json" };
import { addDays, daysBetween, isDay } from "../time.ts";

/** The statutory holidays (全国年节及纪念日放假办法): every year's notice names each of them. */
export const HOLIDAY_NAMES = ["元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"] as const;

const Day = v.pipe(v.string(), v.check(isDay, "不是存在的日期（YYYY-MM-DD）"));
const HolidayFileSchema = v.object({
  year: v.pipe(v.number(), v.integer(), v.minValue(2000), v.maxValue(2100)),
  source: v.pipe(v.string(), v.minLength(1)),
  holidays: v.array(
    v.object({
      name: v.picklist(HOLIDAY_NAMES, `节日名须为：${HOLIDAY_NAMES.join("、")}`),
      daysOff: v.object({ from: Day, to: Day }),
      makeUpDays: v.array(Day),
    }),
  ),
});
export type HolidayFile = v.InferOutput<typeof HolidayFileSchema>;

/** One year of the calendar: each day off and each make-up day with the holiday it belongs to. */
export interface HolidayYear {
  year: number;
  source: string;
  daysOff: Map<string, string>;
  makeUpDays: Map<string, string>;
}

/** ISO weekday of a day: 1 Monday … 7 Sunday. */
export function isoWeekday(day: string): number {
  return ((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
}

/** What is wrong with a year's file beyond its shape, in words an editor acts on; empty when it is right. */
export function holidayFileProblems(file: HolidayFile): string[] {
  const problems: string[] = [];
  const inYear = (day: string) => day.startsWith(`${file.year}-`);
  const off = new Map<string, string>();
  const makeUp = new Map<string, string>();
  for (const h of file.holidays) {
    const { from, to } = h.daysOff;
    // 元旦 of the next year may start on 31 Dec, so only the first day off must be in the year.
    if (!inYear(from)) problems.push(`${h.name}：放假首日 ${from} 不在 ${file.year} 年`);
    const length = daysBetween(from, to) + 1;
    if (length < 1) problems.push(`${h.name}：放假日期 ${from} 至 ${to} 前后颠倒`);
    if (length > 14) problems.push(`${h.name}：放假 ${length} 天，超过两周，日期可能写错`);
    for (let i = 0; i < length && i <= 14; i++) {
      const day = addDays(from, i);
      if (off.has(day)) problems.push(`${day} 同时是${off.get(day)}和${h.name}的假日`);
      off.set(day, h.name);
    }
    for (const day of h.makeUpDays) {
      if (!inYear(day)) problems.push(`${h.name}：调休上班日 ${day} 不在 ${file.year} 年`);
      if (isoWeekday(day) < 6) problems.push(`${h.name}：调休上班日 ${day} 不是周末（本来就上班）`);
      if (makeUp.has(day)) problems.push(`${day} 重复列为调休上班日`);
      makeUp.set(day, h.name);
    }
  }
  for (const [day, name] of makeUp) {
    if (off.has(day)) problems.push(`${day} 既是${off.get(day)}的假日，又是${name}的调休上班日`);
  }
  // The year is covered whole: each statutory holiday exactly once, or a year half entered would
  // quietly open the points on the holidays left out.
  for (const name of HOLIDAY_NAMES) {
    const count = file.holidays.filter((h) => h.name === name).length;
    if (count === 0) problems.push(`缺少${name}的放假安排`);
    if (count > 1) problems.push(`${name}写了 ${count} 次`);
  }
  return problems;
}

/** Checks a year's file as staff edited it; throws naming the file and everything wrong with it. */
export function parseHolidayFile(input: unknown, name = "holidays"): HolidayYear {
  const result = v.safeParse(HolidayFileSchema, input);
  if (!result.success) {
    const where = (i: v.BaseIssue<unknown>) => i.path?.map((p) => String(p.key)).join(".") ?? "";
    throw new Error(
      `content/appointments/${name}.json: ${result.issues.map((i) => `${where(i)} ${i.message}`).join("; ")}`,
    );
  }
  const problems = holidayFileProblems(result.output);
  if (problems.length > 0) throw new Error(`content/appointments/${name}.json: ${problems.join("; ")}`);
  const file = result.output;
  const daysOff = new Map<string, string>();
  const makeUpDays = new Map<string, string>();
  for (const h of file.holidays) {
    for (let day = h.daysOff.from; day <= h.daysOff.to; day = addDays(day, 1)) daysOff.set(day, h.name);
    for (const day of h.makeUpDays) makeUpDays.set(day, h.name);
  }
  return { year: file.year, source: file.source, daysOff, makeUpDays };
}

/** The years the calendar knows, by year. Add next year's file here when the State Council publishes it. */
export const HOLIDAY_YEARS: ReadonlyMap<number, HolidayYear> = new Map(
  [parseHolidayFile(raw2026, "holidays-2026")].map((y) => [y.year, y]),
);
