import { describe, expect, it } from "vitest";
import pointsRaw from "../../../content/appointments/points.json" with { type: "json" };
import servicesRaw from "../../../content/appointments/services.json" with { type: "json" };
import {
  BOOKING_RULES,
  checklist,
  MINIMUM_WEEKLY_HOURS,
  parsePointsFile,
  parseServicesFile,
  SERVICE_POINTS,
} from "../../../src/shared/appointments/points";
import { communityAt } from "../../../src/shared/geo";

const points = () => structuredClone(pointsRaw) as { points: Record<string, unknown>[] };
const services = () => structuredClone(servicesRaw) as { services: Record<string, unknown>[]; [k: string]: unknown };

describe("the service points", () => {
  it("are the four of the notices, one per sub-district, each inside its own", () => {
    expect(SERVICE_POINTS.map((p) => [p.id, p.subdistrict])).toEqual([
      ["linhe", "临河街道"],
      ["guiyuan", "桂园街道"],
      ["xishan", "溪山街道"],
      ["beihu", "北湖街道"],
    ]);
    for (const p of SERVICE_POINTS) expect(communityAt(p.position[0], p.position[1])?.subdistrict).toBe(p.subdistrict);
    // The 2026 notice moved 北湖's point to the ground floor of 北湖东路9号.
    expect(SERVICE_POINTS.find((p) => p.id === "beihu")?.address).toMatch(/^北湖东路9号.*一楼$/);
  });

  it("open the notice's hours, 10 a week, with Tuesday's on make-up days", () => {
    expect(MINIMUM_WEEKLY_HOURS).toBe(10);
    for (const p of SERVICE_POINTS) {
      expect(p.weekly).toEqual({
        tue: [{ from: "09:00", to: "12:00" }],
        thu: [{ from: "14:00", to: "17:00" }],
        sat: [{ from: "09:00", to: "13:00" }],
      });
      expect(p.makeUpDayOpensAs).toBe("tue");
    }
  });

  it("refuses a point outside its sub-district, a duplicate id and a template below 10 hours", () => {
    const outside = points();
    (outside.points[0] as { position: number[] }).position = [120.17, 30.28];
    expect(() => parsePointsFile(outside)).toThrow(/linhe：位置在桂园街道，不在临河街道/);
    const twice = points();
    twice.points.push(structuredClone(twice.points[0] as Record<string, unknown>));
    expect(() => parsePointsFile(twice)).toThrow(/服务点 linhe 重复/);
    const short = points();
    (short.points[2] as { weekly: object }).weekly = { tue: [{ from: "09:00", to: "12:00" }] };
    expect(() => parsePointsFile(short)).toThrow(/xishan：weekly\. 每周办公时间合计 3 小时/);
    const noIntake = points();
    (noIntake.points[1] as { desks: object[] }).desks = [{ id: "1", name: "窗口", service: "consultation" }];
    expect(() => parsePointsFile(noIntake)).toThrow(/guiyuan：没有办理intake的窗口/);
  });
});

describe("the booking rules", () => {
  it("hold durations, notice, horizon, cut-off and the no-show rule as data", () => {
    expect(BOOKING_RULES.bookingHorizonDays).toBe(14);
    expect(BOOKING_RULES.cancelCutoffHours).toBe(2);
    expect(BOOKING_RULES.noShowRule).toEqual({ count: 2, withinMonths: 3, restrictedDays: 30 });
    const byId = Object.fromEntries(BOOKING_RULES.services.map((s) => [s.id, s]));
    expect(byId.consultation).toMatchObject({ durationMinutes: 20 });
    expect(byId.intake).toMatchObject({ durationMinutes: 30 });
    expect(byId.inspection).toMatchObject({ windows: [{ id: "morning" }, { id: "afternoon" }] });
  });

  it("list what to bring for an intake, the power of attorney only for an agent", () => {
    const own = checklist("intake", false).map((b) => b.item);
    expect(own.join("|")).toMatch(/营业执照.*身份证.*产权证明.*租赁合同.*业主同意.*设置承诺书.*A4 效果图/);
    expect(own.some((i) => i.includes("委托书"))).toBe(false);
    expect(checklist("intake", true).at(-1)?.item).toMatch(/授权委托书/);
  });

  it("refuse a services file missing a type or with a zero duration", () => {
    const missing = services();
    missing.services = missing.services.filter((s) => s.id !== "inspection");
    expect(() => parseServicesFile(missing)).toThrow(/服务类型须各写一次/);
    const zero = services();
    (zero.services[0] as { durationMinutes: number }).durationMinutes = 0;
    expect(() => parseServicesFile(zero)).toThrow(/services\.json: services\.0\.durationMinutes/);
  });
});
