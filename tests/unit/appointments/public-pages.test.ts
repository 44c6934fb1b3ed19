import { describe, expect, it } from "vitest";
import { CATALOGUE, noShowRuleText, templateLines } from "../../../src/lib/appointments/catalogue";
import { bookingInput, newBookingDraft } from "../../../src/lib/appointments/draft";
import {
  dayLabel,
  distanceText,
  nearestPoint,
  noticeText,
  slotsByDay,
  timeRange,
  whenText,
} from "../../../src/lib/appointments/format";
import { belowMinimumText } from "../../../src/lib/appointments/points-week";
import { pointById } from "../../../src/shared/appointments/points";
import type { FreeSlot } from "../../../src/shared/appointments/wire";

// What the /appointments/ pages say, from the data: days, times, notice periods, slots by day, the
// nearest point (measured in the browser), the draft sent, and a holiday week explained.

const slot = (id: string, day: string, start: string, end: string): FreeSlot => ({
  id,
  pointId: id.split(":")[0] ?? "",
  service: "intake",
  day,
  start,
  end,
  window: null,
  capacity: 2,
  placesLeft: 1,
});

describe("the booking page's words", () => {
  it("writes days with their weekday and slots in China time", () => {
    expect(dayLabel("2026-12-08")).toBe("2026年12月8日（周二）");
    const s = { start: "2026-12-08T01:00:00.000Z", end: "2026-12-08T01:30:00.000Z" };
    expect(timeRange(s)).toBe("09:00–09:30");
    expect(whenText(s)).toBe("2026年12月8日（周二） 09:00–09:30");
  });

  it("states notice periods in hours below a day and in days from a whole day", () => {
    expect(noticeText(2)).toBe("2 小时");
    expect(noticeText(24)).toBe("1 天");
    expect(noticeText(48)).toBe("2 天");
  });

  it("groups slots by day, days in order, each day's slots as the API ordered them", () => {
    const a = slot("linhe:intake:2026-12-10T14:00+08:00", "2026-12-10", "2026-12-10T06:00:00Z", "2026-12-10T06:30:00Z");
    const b = slot("linhe:intake:2026-12-08T09:30+08:00", "2026-12-08", "2026-12-08T01:30:00Z", "2026-12-08T02:00:00Z");
    const c = slot("beihu:intake:2026-12-08T09:00+08:00", "2026-12-08", "2026-12-08T01:00:00Z", "2026-12-08T01:30:00Z");
    expect(slotsByDay([a, b, c]).map((d) => [d.day, d.slots.map((s) => s.id)])).toEqual([
      ["2026-12-08", [b.id, c.id]],
      ["2026-12-10", [a.id]],
    ]);
  });

  it("finds the point nearest to a position, with a distance people read", () => {
    const linhe = pointById("linhe");
    if (!linhe) throw new Error("no linhe point");
    const found = nearestPoint(CATALOGUE.points, [linhe.position[0] + 0.001, linhe.position[1]]);
    expect(found?.point.id).toBe("linhe");
    expect(found?.km).toBeLessThan(0.2);
    expect(distanceText(0.34)).toBe("约 300 米");
    expect(distanceText(2.345)).toBe("约 2.3 公里");
  });

  it("states the no-show rule and the booking rules from the data", () => {
    expect(noShowRuleText({ count: 2, withinMonths: 3, restrictedDays: 30 })).toBe(
      "3 个月内预约后未到场（且未取消）累计 2 次的，30 天内不能在线预约。",
    );
    expect(CATALOGUE.services.map((s) => s.name)).toEqual(["审批咨询", "现场收件", "现场查看"]);
    expect(CATALOGUE.horizonDays).toBeGreaterThan(0);
    expect(CATALOGUE.services.find((s) => s.id === "intake")?.bring.some((b) => b.item.includes("营业执照"))).toBe(
      true,
    );
  });

  it("writes a point's weekly template day by day", () => {
    const linhe = pointById("linhe");
    if (!linhe) throw new Error("no linhe point");
    expect(templateLines(linhe)).toEqual([
      ["周二", "09:00–12:00"],
      ["周四", "14:00–17:00"],
      ["周六", "09:00–13:00"],
    ]);
  });

  it("sends the optional numbers only when typed", () => {
    const draft = newBookingDraft("k", {
      name: "王",
      phone: "13900000000",
      shopName: "店",
      shopAddress: "滨河路 18 号",
    });
    expect(bookingInput(draft, "linhe:intake:2026-12-08T09:00+08:00")).toEqual({
      slotId: "linhe:intake:2026-12-08T09:00+08:00",
      name: "王",
      phone: "13900000000",
      shopName: "店",
      shopAddress: "滨河路 18 号",
    });
    expect(bookingInput({ ...draft, applicationNumber: "SQ-2026-1" }, "x").applicationNumber).toBe("SQ-2026-1");
  });

  it("explains a week below the minimum by its holidays", () => {
    const week = {
      isoWeek: "2026-W40",
      hours: 3,
      belowMinimum: true,
      days: [
        { day: "2026-10-01", hours: [], note: "国庆节放假" },
        { day: "2026-10-10", hours: ["09:00–12:00"], note: "调休上班（国庆节）" },
      ],
    };
    const text = belowMinimumText(week, 10);
    expect(text).toContain("国庆节放假");
    expect(text).toContain("只开放 3 小时");
    expect(text).toContain("每周 10 小时");
  });
});
