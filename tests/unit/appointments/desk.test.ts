import { describe, expect, it } from "vitest";
import { DEMO_UNITS } from "../../../scripts/seed/staff";
import { announce, matching, stepsFor, walkInSlots, withEntry } from "../../../src/lib/appointments/staff-desk";
import { deskPointIdsFor, pointOfDeskUnit, slotsOfDay } from "../../../src/shared/appointments/desk";
import { pointById, SERVICE_POINTS } from "../../../src/shared/appointments/points";
import { slotsFor } from "../../../src/shared/appointments/slots";
import type { DeskDay, DeskEntry } from "../../../src/shared/appointments/wire";

// Which point a service-point unit works is data (points.json's deskUnit): the demo units of the
// seed and the points must name each other, or a clerk would open no desk at all.

describe("the desk's points", () => {
  const servicePointUnits = DEMO_UNITS.filter((u) => u.kind === "service_point").map((u) => u.id);

  it("maps the demo service points to linhe and guiyuan, each unit to one point", () => {
    expect(pointOfDeskUnit("linhe-service-point")?.id).toBe("linhe");
    expect(pointOfDeskUnit("guiyuan-service-point")?.id).toBe("guiyuan");
    for (const unit of servicePointUnits) {
      expect(
        SERVICE_POINTS.filter((p) => p.deskUnit === unit),
        unit,
      ).toHaveLength(1);
    }
  });

  it("names only service-point units of the seed as a point's desk unit", () => {
    for (const p of SERVICE_POINTS.filter((p) => p.deskUnit)) {
      expect(servicePointUnits, p.id).toContain(p.deskUnit);
    }
  });

  it("opens a clerk's own point only, every point for admins and dispatchers, none for other roles", () => {
    expect(deskPointIdsFor({ role: "service_point_staff", unitId: "guiyuan-service-point" })).toEqual(["guiyuan"]);
    expect(deskPointIdsFor({ role: "service_point_staff", unitId: "linhe-squad" })).toEqual([]);
    expect(deskPointIdsFor({ role: "service_point_staff", unitId: null })).toEqual([]);
    expect(deskPointIdsFor({ role: "admin", unitId: null })).toEqual(SERVICE_POINTS.map((p) => p.id));
    expect(deskPointIdsFor({ role: "dispatcher", unitId: "command-center" })).toEqual(SERVICE_POINTS.map((p) => p.id));
    expect(deskPointIdsFor({ role: "unit_handler", unitId: "linhe-squad" })).toEqual([]);
    expect(deskPointIdsFor({ role: "viewer", unitId: null })).toEqual([]);
  });

  it("lists every slot of a day, also those the public can no longer book (walk-ins)", () => {
    const linhe = pointById("linhe");
    if (!linhe) throw new Error("no linhe");
    // Tuesday 1 December 2026 at 10:00: the public sees no intake today (24 h notice), the desk sees 09:00–11:30.
    const now = new Date("2026-12-01T02:00:00Z");
    expect(slotsFor({ point: linhe, service: "intake", now }).slots.some((s) => s.day === "2026-12-01")).toBe(false);
    const today = slotsOfDay(linhe, "intake", "2026-12-01");
    expect(today.map((s) => s.id.slice(-11, -6))).toEqual(["09:00", "09:30", "10:00", "10:30", "11:00", "11:30"]);
    expect(today.every((s) => s.capacity === 2)).toBe(true);
    expect(slotsOfDay(linhe, "inspection", "2026-12-01").map((s) => s.window)).toEqual(["morning", "afternoon"]);
    // A Monday: the desk is closed, and a holiday (国庆) closes it too.
    expect(slotsOfDay(linhe, "intake", "2026-11-30")).toEqual([]);
    expect(slotsOfDay(linhe, "intake", "2026-10-01")).toEqual([]);
  });
});

describe("the desk page's logic", () => {
  const entry = (over: Partial<DeskEntry>): DeskEntry => ({
    id: 1,
    bookingNumber: "YYAAAA0001",
    service: "intake",
    serviceName: "现场收件",
    slotId: "linhe:intake:2026-12-01T10:00+08:00",
    start: "2026-12-01T02:00:00.000Z",
    end: "2026-12-01T02:30:00.000Z",
    windowName: null,
    name: "王小明",
    phone: "13900001111",
    shopName: "小明面馆",
    shopAddress: "滨河路 18 号",
    licenceNumber: null,
    applicationNumber: null,
    status: "booked",
    statusLabel: "待到",
    checkedInAt: null,
    walkIn: false,
    note: null,
    ...over,
  });
  const slot = {
    slotId: "linhe:intake:2026-12-01T10:00+08:00",
    service: "intake" as const,
    serviceName: "现场收件",
    start: "2026-12-01T02:00:00.000Z",
    end: "2026-12-01T02:30:00.000Z",
    windowName: null,
    capacity: 2,
    taken: 1,
    free: 1,
  };
  const day: DeskDay = {
    point: { id: "linhe", name: "临河", address: "临河路88号" },
    date: "2026-12-01",
    now: "2026-12-01T02:10:00.000Z",
    today: true,
    canAct: true,
    contactsShown: true,
    desk: [entry({})],
    inspection: [],
    slots: [slot],
    counts: { booked: 1, attended: 0, noShow: 0, walkIn: 0, cancelled: 0 },
  };

  it("offers check-in today, no-show once the slot began, undo after either, nothing read-only", () => {
    expect(stepsFor(entry({}), day)).toEqual(["check-in", "no-show"]);
    expect(stepsFor(entry({ start: "2026-12-01T03:00:00.000Z" }), day)).toEqual(["check-in"]);
    expect(stepsFor(entry({}), { ...day, today: false })).toEqual(["no-show"]);
    expect(stepsFor(entry({ status: "attended" }), day)).toEqual(["undo"]);
    expect(stepsFor(entry({ status: "no_show" }), day)).toEqual(["undo"]);
    expect(stepsFor(entry({ status: "cancelled" }), day)).toEqual([]);
    expect(stepsFor(entry({}), { ...day, canAct: false })).toEqual([]);
  });

  it("puts a step's answer into the day: counts and free places follow, a walk-in is added in order", () => {
    const noShow = withEntry(day, entry({ status: "no_show", statusLabel: "未到" }));
    expect(noShow.counts).toMatchObject({ booked: 0, noShow: 1 });
    expect(noShow.slots[0]?.free).toBe(2);
    const walkIn = withEntry(day, entry({ id: 2, status: "attended", walkIn: true, bookingNumber: "YYAAAA0002" }));
    expect(walkIn.desk.map((e) => e.id)).toEqual([1, 2]);
    expect(walkIn.counts).toMatchObject({ booked: 1, attended: 1, walkIn: 1 });
    expect(walkIn.slots[0]?.free).toBe(0);
    expect(walkInSlots(walkIn, "2026-12-01T02:10:00.000Z")).toEqual([]);
    expect(walkInSlots(day, "2026-12-01T02:10:00.000Z")).toHaveLength(1);
    expect(walkInSlots(day, "2026-12-01T02:30:00.000Z")).toEqual([]);
  });

  it("says what a step did, and that a repeated tap changed nothing", () => {
    expect(announce("check-in", { entry: entry({ status: "attended" }), changed: true })).toBe(
      "王小明（YYAAAA0001） 签到成功。",
    );
    expect(announce("check-in", { entry: entry({ status: "attended" }), changed: false })).toContain("已经签到过了");
    expect(announce("undo", { entry: entry({ status: "cancelled", walkIn: true }), changed: true })).toContain(
      "现场登记",
    );
    expect(matching([entry({})], "yyaaaa")).toHaveLength(1);
    expect(matching([entry({})], "面馆")).toHaveLength(1);
    expect(matching([entry({})], "李")).toHaveLength(0);
  });
});
