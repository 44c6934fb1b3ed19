import { describe, expect, it } from "vitest";
import {
  dayInfo,
  isHoliday,
  isoWeekday,
  isWorkingDay,
  makeCalendar,
  unknownYears,
  workingDaysAfter,
  workingDaysBetween,
} from "../../../src/shared/appointments/calendar";

describe("the kind of a day", () => {
  it("tells workdays, weekends, holidays and make-up days apart", () => {
    expect(dayInfo("2026-12-01")).toEqual({ day: "2026-12-01", weekday: 2, kind: "workday" });
    expect(dayInfo("2026-12-05")).toEqual({ day: "2026-12-05", weekday: 6, kind: "weekend" });
    expect(dayInfo("2026-10-06")).toEqual({ day: "2026-10-06", weekday: 2, kind: "holiday", holiday: "国庆节" });
    expect(dayInfo("2026-09-20")).toEqual({ day: "2026-09-20", weekday: 7, kind: "makeUp", holiday: "国庆节" });
  });

  it("finds 2026-10-06, inside 国庆, on a Tuesday", () => {
    expect(isoWeekday("2026-10-06")).toBe(2);
    expect(isHoliday("2026-10-06")).toBe(true);
  });

  it("answers an unknown year for a day whose year's holidays are not in the data, never a guess", () => {
    expect(dayInfo("2027-01-01")).toEqual({ unknownYear: 2027 });
    expect(isWorkingDay("2027-01-04")).toEqual({ unknownYear: 2027 });
    expect(isHoliday("2025-12-31")).toEqual({ unknownYear: 2025 });
  });

  it("refuses what is not a day", () => {
    expect(() => dayInfo("2026-02-30")).toThrow(RangeError);
  });
});

describe("deadlines in working days (行政许可法 art. 82)", () => {
  it("skips 春节 and counts its make-up Saturday: 5 working days from Fri 13 Feb is Fri 27 Feb", () => {
    // Sat 14 (make-up) is the 1st, 15–23 are off, Tue 24 … Fri 27 the 2nd to 5th.
    expect(workingDaysAfter("2026-02-13", 5)).toBe("2026-02-27");
  });

  it("gives the 20-working-day decision limit from Tue 10 Feb as Mon 16 Mar, across both 春节 make-up days", () => {
    expect(workingDaysAfter("2026-02-10", 20)).toBe("2026-03-16");
  });

  it("skips 国庆 and counts Sat 10 Oct: 5 working days from Wed 30 Sep is Tue 13 Oct", () => {
    expect(workingDaysAfter("2026-09-30", 5)).toBe("2026-10-13");
  });

  it("counts Sun 20 Sep and skips 中秋 and 国庆: 10 working days from Fri 18 Sep is Fri 9 Oct", () => {
    expect(workingDaysAfter("2026-09-18", 10)).toBe("2026-10-09");
  });

  it("lands on the day itself for 0 and never on a day off", () => {
    expect(workingDaysAfter("2026-10-03", 0)).toBe("2026-10-03");
    expect(workingDaysAfter("2026-10-03", 1)).toBe("2026-10-08");
  });

  it("counts working days between two days, negative when the second is before (an overdue deadline)", () => {
    expect(workingDaysBetween("2026-09-30", "2026-10-13")).toBe(5);
    expect(workingDaysBetween("2026-10-13", "2026-09-30")).toBe(-5);
    expect(workingDaysBetween("2026-10-01", "2026-10-07")).toBe(0);
    expect(workingDaysBetween("2026-02-13", "2026-02-13")).toBe(0);
  });

  it("is the inverse of workingDaysAfter for every start day of 2026", () => {
    for (
      let d = new Date("2026-01-01T00:00:00Z");
      d.getUTCFullYear() === 2026 && d.getUTCMonth() < 11;
      d.setUTCDate(d.getUTCDate() + 1)
    ) {
      const day = d.toISOString().slice(0, 10);
      const due = workingDaysAfter(day, 15);
      expect(typeof due).toBe("string");
      expect(workingDaysBetween(day, due as string)).toBe(15);
    }
  });

  it("counts 248 working days in 2026: 261 weekdays, 19 of them off, 6 make-up days", () => {
    expect(workingDaysBetween("2025-12-31", "2026-12-31")).toBe(248);
  });

  it("answers an unknown year when a deadline runs into 2027", () => {
    expect(workingDaysAfter("2026-12-24", 10)).toEqual({ unknownYear: 2027 });
    expect(workingDaysBetween("2026-12-30", "2027-01-05")).toEqual({ unknownYear: 2027 });
    expect(workingDaysAfter("2026-12-24", 5)).toBe("2026-12-31");
  });

  it("reads the calendar it is given", () => {
    const empty = makeCalendar([{ year: 2027, source: "test", daysOff: new Map(), makeUpDays: new Map() }]);
    expect(workingDaysAfter("2026-12-31", 1, empty)).toBe("2027-01-01");
  });
});

describe("years the data lacks", () => {
  it("lists the years of a period that have no holiday data, for the staff console's warning", () => {
    expect(unknownYears("2026-12-20", "2027-01-03")).toEqual([2027]);
    expect(unknownYears("2026-01-01", "2026-12-31")).toEqual([]);
  });
});
