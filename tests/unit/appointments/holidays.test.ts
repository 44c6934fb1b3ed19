import { describe, expect, it } from "vitest";
import raw2026 from "../../../content/appointments/holidays-2026.json" with { type: "json" };
import { CALENDAR, dayInfo, isHoliday, isMakeUpDay, isWorkingDay } from "../../../src/shared/appointments/calendar";
import { HOLIDAY_YEARS, holidayFileProblems, parseHolidayFile } from "../../../src/shared/appointments/holidays";
import { addDays } from "../../../src/shared/time";

// The State Council's 2026 notice (2025-11-04), as the domain notes table it.
const TABLE_2026 = [
  { name: "元旦", off: ["2026-01-01", "2026-01-03"], makeUp: ["2026-01-04"] },
  { name: "春节", off: ["2026-02-15", "2026-02-23"], makeUp: ["2026-02-14", "2026-02-28"] },
  { name: "清明节", off: ["2026-04-04", "2026-04-06"], makeUp: [] },
  { name: "劳动节", off: ["2026-05-01", "2026-05-05"], makeUp: ["2026-05-09"] },
  { name: "端午节", off: ["2026-06-19", "2026-06-21"], makeUp: [] },
  { name: "中秋节", off: ["2026-09-25", "2026-09-27"], makeUp: [] },
  { name: "国庆节", off: ["2026-10-01", "2026-10-07"], makeUp: ["2026-09-20", "2026-10-10"] },
] as const;

const daysFrom = (from: string, to: string) => {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  return days;
};

const clone = () =>
  structuredClone(raw2026) as {
    year: number;
    source: string;
    holidays: { name: string; daysOff: { from: string; to: string }; makeUpDays: string[] }[];
  };

describe("the 2026 holidays", () => {
  for (const { name, off, makeUp } of TABLE_2026) {
    it(`closes every day of ${name} (${off[0]} to ${off[1]}) and names it`, () => {
      for (const day of daysFrom(off[0], off[1])) {
        expect(dayInfo(day)).toMatchObject({ day, kind: "holiday", holiday: name });
        expect(isHoliday(day)).toBe(true);
        expect(isWorkingDay(day)).toBe(false);
      }
    });
    it(`works on ${name}'s make-up days (${makeUp.join(", ") || "none"}), each on a weekend`, () => {
      for (const day of makeUp) {
        expect(dayInfo(day)).toMatchObject({ kind: "makeUp", holiday: name });
        expect((dayInfo(day) as { weekday: number }).weekday).toBeGreaterThanOrEqual(6);
        expect(isMakeUpDay(day)).toBe(true);
        expect(isWorkingDay(day)).toBe(true);
      }
    });
  }

  it("has no other day off and no other make-up day in the year", () => {
    const off = TABLE_2026.flatMap((h) => daysFrom(h.off[0], h.off[1]));
    const makeUp: string[] = TABLE_2026.flatMap((h) => [...h.makeUp]);
    expect(off).toHaveLength(33);
    expect([...CALENDAR.daysOff.keys()].sort()).toEqual(off.sort());
    expect([...CALENDAR.makeUpDays.keys()].sort()).toEqual(makeUp.sort());
  });

  it("keeps 2026 as the one year the data knows (the 2027 notice was not available)", () => {
    expect([...HOLIDAY_YEARS.keys()]).toEqual([2026]);
  });
});

describe("checking a year's file on load", () => {
  it("accepts the 2026 file as it is", () => {
    expect(holidayFileProblems(clone() as never)).toEqual([]);
  });

  it("refuses a date that does not exist", () => {
    const file = clone();
    (file.holidays[1] as { daysOff: { to: string } }).daysOff.to = "2026-02-30";
    expect(() => parseHolidayFile(file)).toThrow(/holidays\.json: holidays\.1\.daysOff\.to 不是存在的日期/);
  });

  it("refuses a day that is both off and a make-up day", () => {
    const file = clone();
    file.holidays[6]?.makeUpDays.push("2026-10-03");
    expect(() => parseHolidayFile(file)).toThrow(/2026-10-03 既是国庆节的假日，又是国庆节的调休上班日/);
  });

  it("refuses a make-up day on a weekday", () => {
    const file = clone();
    file.holidays[3]?.makeUpDays.push("2026-05-08");
    expect(() => parseHolidayFile(file)).toThrow(/劳动节：调休上班日 2026-05-08 不是周末/);
  });

  it("refuses a year with a statutory holiday left out", () => {
    const file = clone();
    file.holidays = file.holidays.filter((h) => h.name !== "端午节");
    expect(() => parseHolidayFile(file)).toThrow(/缺少端午节的放假安排/);
  });

  it("refuses a holiday entered twice, an unknown name and a day of another year", () => {
    const twice = clone();
    twice.holidays.push(structuredClone(twice.holidays[0] as never));
    expect(() => parseHolidayFile(twice)).toThrow(/元旦写了 2 次/);
    const unknown = clone();
    (unknown.holidays[0] as { name: string }).name = "圣诞节";
    expect(() => parseHolidayFile(unknown)).toThrow(/节日名须为/);
    const elsewhere = clone();
    (elsewhere.holidays[2] as { daysOff: { from: string } }).daysOff.from = "2025-04-04";
    expect(() => parseHolidayFile(elsewhere)).toThrow(/清明节：放假首日 2025-04-04 不在 2026 年/);
  });

  it("refuses days off written backwards", () => {
    const file = clone();
    (file.holidays[4] as { daysOff: { from: string; to: string } }).daysOff = { from: "2026-06-21", to: "2026-06-19" };
    expect(() => parseHolidayFile(file)).toThrow(/端午节：放假日期 2026-06-21 至 2026-06-19 前后颠倒/);
  });
});
