import { describe, expect, it } from "vitest";
import { byDateDesc, pageTitle } from "../../src/lib/format";
import { formatDateZh } from "../../src/shared/time";

describe("formatDateZh", () => {
  it("writes an ISO date the Chinese way, without leading zeros", () => {
    expect(formatDateZh("2026-03-05")).toBe("2026年3月5日");
    expect(formatDateZh("2025-12-31")).toBe("2025年12月31日");
  });

  it("refuses something that is not a date", () => {
    expect(() => formatDateZh("昨天")).toThrow(/not an ISO date/);
  });
});

describe("byDateDesc", () => {
  it("puts the newest first and breaks ties by title, so builds are stable", () => {
    const items = [
      { date: "2025-01-01", title: "乙" },
      { date: "2026-01-01", title: "丙" },
      { date: "2025-01-01", title: "甲" },
    ];
    expect(items.sort(byDateDesc).map((i) => i.title)).toEqual(["丙", "甲", "乙"]);
  });
});

describe("pageTitle", () => {
  it("names the page before the site, and the site alone on the home page", () => {
    expect(pageTitle("通知公告", "青溪区城市管理局")).toBe("通知公告 - 青溪区城市管理局");
    expect(pageTitle(undefined, "青溪区城市管理局")).toBe("青溪区城市管理局");
  });
});
