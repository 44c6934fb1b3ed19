import * as v from "valibot";
import { describe, expect, it } from "vitest";
import {
  asClosure,
  type CalendarWeek,
  ClosureInputSchema,
  closureInstants,
  staffCalendar,
  TemplateSaveSchema,
  templateMinutes,
  unknownYearWarning,
  withTemplate,
} from "../../../src/shared/appointments/calendar-staff";
import { weekOpening } from "../../../src/shared/appointments/opening";
import { pointById, type ServicePoint } from "../../../src/shared/appointments/points";
import { slotsFor } from "../../../src/shared/appointments/slots";

const linhe = pointById("linhe") as ServicePoint;
/** Mon, Wed and Fri 09:00–12:00 and Wed 14:00–15:00: 10 hours, none of the data's days but Wednesday's. */
const STORED = {
  mon: [{ from: "09:00", to: "12:00" }],
  wed: [
    { from: "09:00", to: "12:00" },
    { from: "14:00", to: "15:00" },
  ],
  fri: [{ from: "09:00", to: "12:00" }],
};
const MONDAY_9AM = new Date("2026-12-07T01:00:00Z");
const weekOf = (cal: ReturnType<typeof staffCalendar>, week: string) =>
  cal.weeks.find((w) => w.week === week) as CalendarWeek;

describe("a template saved by staff", () => {
  it("replaces the data's week for the opening and the slots, and leaves the data's point as it was", () => {
    const point = withTemplate(linhe, STORED);
    expect((weekOpening(point, "2026-W50") as { hours: number }).hours).toBe(10);
    const days = new Set(slotsFor({ point, service: "intake", now: MONDAY_9AM }).slots.map((s) => s.day));
    expect(days.has("2026-12-09")).toBe(true); // Wednesday
    expect(days.has("2026-12-08")).toBe(false); // Tuesday, the data's day
    expect(withTemplate(linhe, null)).toBe(linhe);
    expect(linhe.weekly.tue).toEqual([{ from: "09:00", to: "12:00" }]);
  });

  it("is saved at 10 hours a week and refused below, the message naming the hours", () => {
    expect(v.safeParse(TemplateSaveSchema(10), { version: 0, weekly: STORED }).success).toBe(true);
    expect(templateMinutes(STORED)).toBe(600);
    const short = { ...STORED, wed: [{ from: "09:00", to: "11:30" }] };
    const result = v.safeParse(TemplateSaveSchema(10), { version: 3, weekly: short });
    expect(result.success).toBe(false);
    expect(result.issues?.[0]?.message).toBe("每周办公时间合计 8.5 小时，少于规定的 10 小时，不能保存");
    expect(result.issues?.[0]?.path?.map((p) => p.key)).toEqual(["weekly"]);
  });

  it("refuses overlapping intervals and a missing version", () => {
    const overlap = {
      ...STORED,
      mon: [
        { from: "09:00", to: "12:00" },
        { from: "11:00", to: "13:00" },
      ],
    };
    expect(v.safeParse(TemplateSaveSchema(10), { version: 0, weekly: overlap }).success).toBe(false);
    expect(v.safeParse(TemplateSaveSchema(10), { weekly: STORED }).success).toBe(false);
  });
});

describe("a closure entered by staff", () => {
  it("covers the whole China-time day, or from–to of it, as instants", () => {
    expect(closureInstants({ day: "2026-12-08" })).toEqual({
      startsAt: "2026-12-07T16:00:00.000Z",
      endsAt: "2026-12-08T16:00:00.000Z",
    });
    expect(closureInstants({ day: "2026-12-08", from: "09:00", to: "10:30" })).toEqual({
      startsAt: "2026-12-08T01:00:00.000Z",
      endsAt: "2026-12-08T02:30:00.000Z",
    });
  });

  it("needs both clock times or none, an end after the start, and words for 其他原因", () => {
    const ok = (x: unknown) => v.safeParse(ClosureInputSchema, x).success;
    expect(ok({ day: "2026-12-08", reason: "weather" })).toBe(true);
    expect(ok({ day: "2026-12-08", from: "09:00", to: "10:00", reason: "training" })).toBe(true);
    expect(ok({ day: "2026-12-08", from: "09:00", reason: "training" })).toBe(false);
    expect(ok({ day: "2026-12-08", from: "10:00", to: "09:00", reason: "training" })).toBe(false);
    expect(ok({ day: "2026-12-08", reason: "other" })).toBe(false);
    expect(ok({ day: "2026-12-08", reason: "other", text: "停电检修" })).toBe(true);
    expect(ok({ day: "2026-13-08", reason: "weather" })).toBe(false);
  });

  it("takes the day's slots out of what is offered and its hours out of the week", () => {
    const closure = asClosure({
      pointId: "linhe",
      day: "2026-12-08",
      fromClock: null,
      toClock: null,
      reason: "weather",
      reasonText: null,
    });
    expect(closure.reason).toBe("临时闭门（恶劣天气）");
    const slots = slotsFor({ point: linhe, service: "intake", now: MONDAY_9AM, closures: [closure] }).slots;
    expect(slots.some((s) => s.day === "2026-12-08")).toBe(false);
    expect(slots.some((s) => s.day === "2026-12-10")).toBe(true);
    const cal = staffCalendar({ point: linhe, now: MONDAY_9AM, closures: [closure] });
    const week = weekOf(cal, "2026-W50");
    expect(week).toMatchObject({ hours: 7, below: true });
    expect(week.reasons).toEqual(["2026-12-08 临时闭门（恶劣天气）"]);
    expect(week.days[1]).toMatchObject({ day: "2026-12-08", hours: [], note: "临时闭门（恶劣天气）" });
    // The nearest hours outside the week: Saturday before it and Tuesday after it.
    expect(week.nearestExtra.map((d) => d.day)).toEqual(["2026-12-05", "2026-12-15"]);
  });
});

describe("the staff calendar of a point", () => {
  it("lists the weeks from this one past the horizon and 8 more, flagging the 国庆 week below 10 hours with why", () => {
    const cal = staffCalendar({ point: linhe, now: new Date("2026-09-21T02:00:00Z") });
    expect(cal.weeks[0]?.week).toBe("2026-W39");
    expect(cal.weeks.at(-1)?.week).toBe("2026-W47");
    expect(cal.unknownYears).toEqual([]);
    expect(cal.warnings).toEqual([]);
    const golden = weekOf(cal, "2026-W40");
    expect(golden).toMatchObject({ hours: 3, below: true });
    expect(golden.reasons).toEqual(["2026-10-01 国庆节放假，少 3 小时", "2026-10-03 国庆节放假，少 4 小时"]);
    // Saturday 26 September is 中秋节: the nearest hours before are Thursday's.
    expect(golden.nearestExtra.map((d) => d.day)).toEqual(["2026-09-24", "2026-10-08"]);
    expect(weekOf(cal, "2026-W42")).toMatchObject({ hours: 10, below: false, reasons: [], nearestExtra: [] });
  });

  it("says so when the weeks reach a year whose holidays are not in the data", () => {
    const cal = staffCalendar({ point: linhe, now: new Date("2026-12-01T02:00:00Z") });
    expect(cal.unknownYears).toEqual([2027]);
    expect(cal.warnings).toEqual([unknownYearWarning(2027)]);
    expect(cal.warnings[0]).toContain("2027 年节假日安排尚未录入");
    expect(cal.weeks.find((w) => w.week === "2027-W02")).toEqual({ week: "2027-W02", unknownYear: 2027 });
    expect(weekOf(cal, "2026-W49")).toMatchObject({ hours: 10, below: false });
  });

  it("uses the saved template for every week", () => {
    const cal = staffCalendar({ point: withTemplate(linhe, STORED), now: MONDAY_9AM });
    expect(weekOf(cal, "2026-W50").days.map((d) => d.hours.join(","))).toEqual([
      "09:00–12:00",
      "",
      "09:00–12:00,14:00–15:00",
      "",
      "09:00–12:00",
      "",
      "",
    ]);
  });
});
