import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { DaySchema, MonthSchema, periodRule, periodSchema } from "../../src/shared/period";
import {
  addDays,
  addMinutes,
  addMonths,
  caseNumberDay,
  chinaDay,
  chinaIso,
  chinaMonth,
  dayEnd,
  dayStart,
  daysBetween,
  formatChinaMinute,
  formatChinaTime,
  formatDateTimeZh,
  formatDateZh,
  formatMonthZh,
  isDay,
  isMonth,
  lastDays,
  monthEnd,
  monthStart,
  periodInstants,
} from "../../src/shared/time";

describe("China-time days of an instant", () => {
  it("puts 00:10 in China on the previous day in UTC", () => {
    // 16:10 UTC on 26 November is 00:10 on 27 November in China.
    expect(chinaDay(new Date("2026-11-26T16:10:00Z"))).toBe("2026-11-27");
    expect(chinaDay("2026-11-26T15:59:59.999Z")).toBe("2026-11-26");
    expect(chinaMonth("2026-11-30T16:00:00Z")).toBe("2026-12");
  });

  it("gives a day's start and its exclusive end as the instants between which it lies", () => {
    expect(dayStart("2026-11-27").toISOString()).toBe("2026-11-26T16:00:00.000Z");
    expect(dayEnd("2026-11-27").toISOString()).toBe("2026-11-27T16:00:00.000Z");
    expect(dayEnd("2026-11-27")).toEqual(dayStart("2026-11-28"));
    expect(periodInstants("2026-12-31", "2027-01-01")).toEqual({
      start: "2026-12-30T16:00:00.000Z",
      end: "2027-01-01T16:00:00.000Z",
    });
    // Every instant of the day is in [start, end), and its China day is that day.
    for (const at of ["2026-11-26T16:00:00.000Z", "2026-11-27T15:59:59.999Z"]) {
      expect(chinaDay(at)).toBe("2026-11-27");
      expect(at >= dayStart("2026-11-27").toISOString() && at < dayEnd("2026-11-27").toISOString()).toBe(true);
    }
  });

  it("writes the case number's day in China time", () => {
    expect(caseNumberDay(new Date("2026-11-26T16:10:00Z"))).toBe("261127");
  });

  it("writes an instant in China time with its offset, for exports", () => {
    expect(chinaIso("2026-11-27T06:05:00.000Z")).toBe("2026-11-27T14:05:00+08:00");
    expect(chinaIso(new Date("2026-11-26T16:10:30.500Z"))).toBe("2026-11-27T00:10:30+08:00");
    expect(Date.parse(chinaIso("2026-11-27T06:05:00.000Z"))).toBe(Date.parse("2026-11-27T06:05:00.000Z"));
  });
});

describe("calendar arithmetic", () => {
  it("knows which days exist, leap days included", () => {
    expect(isDay("2028-02-29")).toBe(true);
    expect(isDay("2000-02-29")).toBe(true);
    expect(isDay("2026-02-29")).toBe(false);
    expect(isDay("2100-02-29")).toBe(false);
    expect(isDay("2026-02-31")).toBe(false);
    expect(isDay("2026-04-31")).toBe(false);
    expect(isDay("2026-13-01")).toBe(false);
    expect(isDay("2026-00-10")).toBe(false);
    expect(isDay("2026-1-5")).toBe(false);
    expect(isMonth("2026-12")).toBe(true);
    expect(isMonth("2026-13")).toBe(false);
  });

  it("steps days across month, year and leap-day ends", () => {
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2028-02-29", 1)).toBe("2028-03-01");
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2027-01-01", -1)).toBe("2026-12-31");
    expect(daysBetween("2026-01-01", "2027-01-01")).toBe(365);
    expect(daysBetween("2028-01-01", "2029-01-01")).toBe(366);
    expect(daysBetween("2026-10-31", "2026-10-01")).toBe(-30);
    expect(() => addDays("2026-02-31", 1)).toThrow(RangeError);
  });

  it("gives month starts and ends", () => {
    expect(monthStart("2026-11")).toBe("2026-11-01");
    expect(monthEnd("2026-11")).toBe("2026-11-30");
    expect(monthEnd("2026-12")).toBe("2026-12-31");
    expect(monthEnd("2026-02")).toBe("2026-02-28");
    expect(monthEnd("2028-02")).toBe("2028-02-29");
    expect(addMonths("2027-01", -1)).toBe("2026-12");
    expect(addMonths("2026-12", 1)).toBe("2027-01");
    expect(addMonths("2026-03", -15)).toBe("2024-12");
  });

  it("counts the last days in China time, today included", () => {
    // 17:00 UTC on 26 November is 01:00 on 27 November in China.
    expect(lastDays(30, new Date("2026-11-26T17:00:00Z"))).toEqual({ from: "2026-10-29", to: "2026-11-27" });
    expect(lastDays(1, new Date("2026-11-26T17:00:00Z"))).toEqual({ from: "2026-11-27", to: "2026-11-27" });
  });

  it("adds minutes to an instant", () => {
    expect(addMinutes(new Date("2026-11-27T23:30:00Z"), 45).toISOString()).toBe("2026-11-28T00:15:00.000Z");
  });
});

describe("how people read dates and times", () => {
  it("writes days and months the Chinese way, without leading zeros", () => {
    expect(formatDateZh("2026-03-05")).toBe("2026年3月5日");
    expect(formatDateZh("2025-12-31")).toBe("2025年12月31日");
    expect(formatMonthZh("2026-03")).toBe("2026年3月");
    expect(() => formatDateZh("昨天")).toThrow(/not an ISO date/);
  });

  it("writes an instant in China time, whatever the device's zone", () => {
    expect(formatDateTimeZh("2026-11-27T06:05:00Z")).toBe("2026年11月27日 14:05");
    expect(formatDateTimeZh("2026-03-04T16:05:00Z")).toBe("2026年3月5日 00:05");
    expect(formatChinaTime("2026-11-27T16:30:05.123Z")).toBe("2026-11-28 00:30:05");
    expect(formatChinaMinute("2026-11-27T16:30:05.123Z")).toBe("2026-11-28 00:30");
    expect(formatChinaTime("not a time")).toBe("not a time");
  });

  it("agrees with the Asia/Shanghai zone of the runtime's time-zone data", () => {
    const zone = new Intl.DateTimeFormat("zh-CN", {
      timeZone: "Asia/Shanghai",
      year: "numeric",
      month: "long",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    for (const at of ["2026-01-01T00:00:00Z", "2026-06-30T15:59:00Z", "2028-02-28T16:00:00Z"]) {
      expect(formatDateTimeZh(at)).toBe(zone.format(new Date(at)));
    }
  });
});

describe("the date schemas", () => {
  const messages = (r: v.SafeParseResult<v.GenericSchema>) => (r.success ? [] : r.issues.map((i) => i.message));

  it("accepts days that exist and refuses the others, in Chinese", () => {
    expect(v.is(DaySchema, "2028-02-29")).toBe(true);
    expect(messages(v.safeParse(DaySchema, "2026-02-29"))).toEqual(["日期不存在，请检查月份和日期"]);
    expect(v.is(DaySchema, "2026-02-31")).toBe(false);
    expect(v.is(DaySchema, "2026-13-01")).toBe(false);
    expect(messages(v.safeParse(DaySchema, "27/11/2026"))).toEqual(["日期格式应为 YYYY-MM-DD"]);
    expect(v.is(MonthSchema, "2026-12")).toBe(true);
    expect(v.is(MonthSchema, "2026-13")).toBe(false);
    expect(v.is(MonthSchema, "2026-1")).toBe(false);
  });

  it("takes a period forwards and no longer than its limit, reporting at /to", () => {
    const Period = periodSchema(92);
    expect(v.is(Period, { from: "2026-11-27", to: "2026-11-27" })).toBe(true);
    // 92 days, both ends included.
    expect(v.is(Period, { from: "2026-10-01", to: "2026-12-31" })).toBe(true);
    const overlong = v.safeParse(Period, { from: "2026-10-01", to: "2027-01-01" });
    expect(messages(overlong)).toEqual(["时间段最长 92 天"]);
    expect(overlong.issues?.[0]?.path?.map((p) => p.key)).toEqual(["to"]);
    const reversed = v.safeParse(Period, { from: "2026-10-31", to: "2026-10-01" });
    expect(messages(reversed)).toEqual(["起始日期不能晚于结束日期"]);
    expect(reversed.issues?.[0]?.path?.map((p) => p.key)).toEqual(["to"]);
    const impossible = v.safeParse(Period, { from: "2026-02-31", to: "2026-03-01" });
    expect(impossible.issues?.map((i) => [i.path?.[0]?.key, i.message])).toEqual([
      ["from", "起始日期不存在，请检查月份和日期"],
    ]);
  });

  it("a leap year fits in a year's limit", () => {
    expect(v.is(periodSchema(366), { from: "2028-01-01", to: "2028-12-31" })).toBe(true);
    const overlong = v.safeParse(periodSchema(366), { from: "2026-01-01", to: "2027-01-02" });
    expect(messages(overlong)).toEqual(["时间段最长一年"]);
  });

  it("checks an optional period only when both ends are given", () => {
    const Filter = v.pipe(
      v.object({ from: v.optional(DaySchema), to: v.optional(DaySchema) }),
      periodRule<{ from?: string; to?: string }>(),
    );
    expect(v.is(Filter, {})).toBe(true);
    expect(v.is(Filter, { to: "2026-01-01" })).toBe(true);
    expect(v.is(Filter, { from: "2020-01-01", to: "2026-01-01" })).toBe(true);
    expect(v.is(Filter, { from: "2026-01-02", to: "2026-01-01" })).toBe(false);
  });
});
