import { describe, expect, it } from "vitest";
import { recentMonths } from "../../../src/lib/complaints/figures";
import { formatMonthZh } from "../../../src/shared/time";

describe("recentMonths", () => {
  it("lists the twelve full months before this one, newest first, across the new year", () => {
    const months = recentMonths(new Date("2026-02-10T04:00:00Z"));
    expect(months).toHaveLength(12);
    expect(months.slice(0, 3)).toEqual(["2026-01", "2025-12", "2025-11"]);
    expect(months.at(-1)).toBe("2025-02");
  });

  it("reckons this month in China time: 1 December 01:00 there is still 30 November in UTC", () => {
    expect(recentMonths(new Date("2026-11-30T17:00:00Z"), 1)).toEqual(["2026-11"]);
    expect(recentMonths(new Date("2026-11-30T15:00:00Z"), 1)).toEqual(["2026-10"]);
  });
});

describe("formatMonthZh", () => {
  it("writes a month the Chinese way, without a leading zero", () => {
    expect(formatMonthZh("2026-03")).toBe("2026年3月");
    expect(formatMonthZh("2025-12")).toBe("2025年12月");
  });
});
