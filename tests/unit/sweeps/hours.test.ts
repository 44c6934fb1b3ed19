import { describe, expect, it } from "vitest";
import { formatMinutes, maxMinutes, roundingRule, serviceMinutes } from "../../../src/shared/sweeps/hours";
import { HOURS_ROUNDING } from "../../../src/shared/sweeps/rules";

const START = "2026-12-05T00:30:00.000Z"; // 08:30 China time
const END = "2026-12-05T03:00:00.000Z"; // 11:00
const at = (hhmm: string) => `2026-12-05T${hhmm}:00.000Z`;

describe("service minutes: check-in to check-out, clipped to the sweep, rounded by the rule", () => {
  it("rounds down to whole units of the rule (30 minutes)", () => {
    expect(HOURS_ROUNDING).toEqual({ unitMinutes: 30, mode: "down" });
    expect(serviceMinutes(at("00:30"), at("02:29"), START, END)).toBe(90);
    expect(serviceMinutes(at("00:30"), at("02:30"), START, END)).toBe(120);
  });

  it("does not count time before the start (travel, waiting) or after the end", () => {
    expect(serviceMinutes(at("23:50").replace("05", "04"), at("04:30"), START, END)).toBe(150);
    expect(serviceMinutes(at("00:00"), at("01:00"), START, END)).toBe(30);
    expect(serviceMinutes(at("02:00"), at("05:00"), START, END)).toBe(60);
  });

  it("gives 0 for a stay wholly outside the sweep, a check-out before the check-in, or less than a unit", () => {
    expect(serviceMinutes(at("03:10"), at("04:00"), START, END)).toBe(0);
    expect(serviceMinutes(at("00:00"), at("00:20"), START, END)).toBe(0);
    expect(serviceMinutes(at("02:00"), at("01:00"), START, END)).toBe(0);
    expect(serviceMinutes(at("01:00"), at("01:29"), START, END)).toBe(0);
    expect(serviceMinutes(at("01:00"), at("01:00"), START, END)).toBe(0);
  });

  it("follows a rule given as data: up and nearest, other units", () => {
    expect(serviceMinutes(at("00:30"), at("01:01"), START, END, { unitMinutes: 30, mode: "up" })).toBe(60);
    expect(serviceMinutes(at("00:30"), at("01:14"), START, END, { unitMinutes: 30, mode: "nearest" })).toBe(30);
    expect(serviceMinutes(at("00:30"), at("01:15"), START, END, { unitMinutes: 30, mode: "nearest" })).toBe(60);
    expect(serviceMinutes(at("00:30"), at("01:47"), START, END, { unitMinutes: 15, mode: "down" })).toBe(75);
    // Rounding up never passes the scheduled length: the clip comes first.
    expect(serviceMinutes(at("00:00"), at("05:00"), START, END, { unitMinutes: 60, mode: "up" })).toBe(180);
  });

  it("a whole sweep is its scheduled length, rounded", () => {
    expect(maxMinutes(START, END)).toBe(150);
    expect(maxMinutes(START, at("02:50"))).toBe(120);
  });

  it("says the time and the rule in Chinese", () => {
    expect(formatMinutes(150)).toBe("2 小时 30 分钟");
    expect(formatMinutes(60)).toBe("1 小时");
    expect(formatMinutes(30)).toBe("30 分钟");
    expect(formatMinutes(0)).toBe("0 小时");
    expect(roundingRule()).toContain("30 分钟为单位向下取整");
  });
});
