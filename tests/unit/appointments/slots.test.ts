import { describe, expect, it } from "vitest";
import { pointById, SERVICE_IDS, SERVICE_POINTS, type ServicePoint } from "../../../src/shared/appointments/points";
import { parseSlotId, type Slot, slotsFor } from "../../../src/shared/appointments/slots";
import { addDays, chinaDay } from "../../../src/shared/time";

const linhe = pointById("linhe") as ServicePoint;
const beihu = pointById("beihu") as ServicePoint;
// Monday 7 December 2026, 09:00 in China.
const MONDAY_9AM = new Date("2026-12-07T01:00:00Z");

const onDay = (slots: Slot[], day: string) => slots.filter((s) => s.day === day);
const clocks = (slots: Slot[]) => slots.map((s) => s.id.slice(-11, -6));

describe("desk slots", () => {
  it("cuts each opening interval into slots of the service's duration, as many places as desks serving it", () => {
    const { slots } = slotsFor({ point: linhe, service: "intake", now: MONDAY_9AM });
    const tuesday = onDay(slots, "2026-12-08");
    expect(clocks(tuesday)).toEqual(["09:00", "09:30", "10:00", "10:30", "11:00", "11:30"]);
    expect(tuesday.every((s) => s.capacity === 2)).toBe(true);
    expect(tuesday[0]).toEqual({
      id: "linhe:intake:2026-12-08T09:00+08:00",
      pointId: "linhe",
      service: "intake",
      day: "2026-12-08",
      start: "2026-12-08T01:00:00.000Z",
      end: "2026-12-08T01:30:00.000Z",
      capacity: 2,
    });
  });

  it("gives 20-minute consultations, one desk each, on every opening day of the horizon", () => {
    const { slots, unknownYears } = slotsFor({ point: linhe, service: "consultation", now: MONDAY_9AM });
    expect(unknownYears).toEqual([]);
    const perDay = Object.fromEntries([...new Set(slots.map((s) => s.day))].map((d) => [d, onDay(slots, d).length]));
    // Tue 9–12: 9, Thu 14–17: 9, Sat 9–13: 12; the horizon ends on Mon 21 Dec (today + 14 days).
    expect(perDay).toEqual({
      "2026-12-08": 9,
      "2026-12-10": 9,
      "2026-12-12": 12,
      "2026-12-15": 9,
      "2026-12-17": 9,
      "2026-12-19": 12,
    });
    expect(slots.every((s) => s.capacity === 1)).toBe(true);
    expect(clocks(onDay(slots, "2026-12-10")).at(-1)).toBe("16:40");
  });

  it("keeps the notice period: a slot starting sooner than 24 hours from now is not offered, one at exactly 24 is", () => {
    const tenPast = new Date("2026-12-07T01:10:00Z");
    expect(onDay(slotsFor({ point: linhe, service: "intake", now: MONDAY_9AM }).slots, "2026-12-08")[0]?.start).toBe(
      "2026-12-08T01:00:00.000Z",
    );
    expect(onDay(slotsFor({ point: linhe, service: "intake", now: tenPast }).slots, "2026-12-08")[0]?.start).toBe(
      "2026-12-08T01:30:00.000Z",
    );
    // Consultations need 2 hours: today's Tuesday slots from 11:00 when asked at 09:00.
    const tuesday9 = new Date("2026-12-08T01:00:00Z");
    expect(
      clocks(onDay(slotsFor({ point: linhe, service: "consultation", now: tuesday9 }).slots, "2026-12-08")),
    ).toEqual(["11:00", "11:20", "11:40"]);
  });

  it("leaves out the hours staff closed", () => {
    const closures = [
      { pointId: "linhe", day: "2026-12-08", from: "10:00", to: "11:00", reason: "业务培训" },
      { pointId: "linhe", day: "2026-12-10", reason: "暴雨红色预警" },
    ];
    const intake = slotsFor({ point: linhe, service: "intake", now: MONDAY_9AM, closures }).slots;
    expect(clocks(onDay(intake, "2026-12-08"))).toEqual(["09:00", "09:30", "11:00", "11:30"]);
    expect(onDay(intake, "2026-12-10")).toEqual([]);
    const consultation = slotsFor({ point: linhe, service: "consultation", now: MONDAY_9AM, closures }).slots;
    expect(clocks(onDay(consultation, "2026-12-08"))).toEqual(["09:00", "09:20", "09:40", "11:00", "11:20", "11:40"]);
  });

  it("follows holidays and make-up days: none on 国庆, Tuesday's hours on Sat 10 October", () => {
    const { slots } = slotsFor({ point: beihu, service: "intake", now: new Date("2026-09-28T00:00:00Z") });
    expect(onDay(slots, "2026-10-01")).toEqual([]);
    expect(onDay(slots, "2026-10-06")).toEqual([]);
    expect(clocks(onDay(slots, "2026-10-10"))).toEqual(["09:00", "09:30", "10:00", "10:30", "11:00", "11:30"]);
    expect(onDay(slots, "2026-10-08")).toHaveLength(6);
  });
});

describe("inspection windows", () => {
  it("offers a morning and an afternoon window on each working day, places = the teams' visits", () => {
    const { slots } = slotsFor({ point: linhe, service: "inspection", now: MONDAY_9AM });
    // 48 hours' notice: from Wed 9 Dec 09:00; working days to Mon 21 Dec; no weekend.
    expect(slots[0]?.id).toBe("linhe:inspection:2026-12-09T09:00+08:00");
    expect(slots).toHaveLength(18);
    expect(new Set(slots.map((s) => s.window))).toEqual(new Set(["morning", "afternoon"]));
    expect(slots.every((s) => s.capacity === 4)).toBe(true);
    expect(onDay(slots, "2026-12-12")).toEqual([]);
    expect(slotsFor({ point: beihu, service: "inspection", now: MONDAY_9AM }).slots[0]?.capacity).toBe(2);
  });

  it("visits on a make-up Saturday, not on a holiday, and drops a window a closure touches", () => {
    const closures = [{ pointId: "linhe", day: "2026-10-09", from: "16:00", to: "17:00", reason: "台风" }];
    const { slots } = slotsFor({
      point: linhe,
      service: "inspection",
      now: new Date("2026-09-28T00:00:00Z"),
      closures,
    });
    expect(onDay(slots, "2026-10-10").map((s) => s.window)).toEqual(["morning", "afternoon"]);
    expect(onDay(slots, "2026-10-06")).toEqual([]);
    expect(onDay(slots, "2026-10-09").map((s) => s.window)).toEqual(["morning"]);
  });
});

describe("the horizon and the data", () => {
  it("reports a year whose holidays are missing and offers no slot in it", () => {
    const { slots, unknownYears } = slotsFor({
      point: linhe,
      service: "intake",
      now: new Date("2026-12-20T01:00:00Z"),
    });
    expect(unknownYears).toEqual([2027]);
    expect(slots.at(-1)?.day).toBe("2026-12-31");
  });

  it("gives ids that parse back and stay the same on every call", () => {
    const a = slotsFor({ point: linhe, service: "intake", now: MONDAY_9AM }).slots.map((s) => s.id);
    const b = slotsFor({ point: linhe, service: "intake", now: new Date("2026-12-07T02:00:00Z") }).slots.map(
      (s) => s.id,
    );
    expect(b.every((id) => a.includes(id))).toBe(true);
    expect(parseSlotId("linhe:intake:2026-12-08T09:00+08:00")).toEqual({
      pointId: "linhe",
      service: "intake",
      day: "2026-12-08",
      clock: "09:00",
    });
    expect(parseSlotId("linhe:intake:2026-02-30T09:00+08:00")).toBeUndefined();
    expect(parseSlotId("linhe:walk:2026-12-08T09:00+08:00")).toBeUndefined();
  });
});

describe("one day of the horizon", () => {
  // Checking one slot (a booking, a reschedule) or a desk's day builds that day only: it must give
  // exactly the slots of that day in the whole horizon's list, for every point and service, from a
  // morning when some of today's slots are already too soon, and nothing outside the horizon.
  it("gives the whole horizon's slots of that day, and none for a day outside it", () => {
    const today = chinaDay(MONDAY_9AM);
    for (const point of SERVICE_POINTS) {
      for (const service of SERVICE_IDS) {
        const whole = slotsFor({ point, service, now: MONDAY_9AM }).slots;
        expect(whole.length, `${point.id} ${service}`).toBeGreaterThan(0);
        for (let i = -1; i <= 16; i++) {
          const day = addDays(today, i);
          const one = slotsFor({ point, service, now: MONDAY_9AM, day }).slots;
          expect(one, `${point.id} ${service} ${day}`).toEqual(onDay(whole, day));
        }
      }
    }
  });
});
