import { describe, expect, it } from "vitest";
import { DEMO_UNITS } from "../../../scripts/seed/staff";
import { deskPointIdsFor, pointOfDeskUnit, slotsOfDay } from "../../../src/shared/appointments/desk";
import { pointById, SERVICE_POINTS } from "../../../src/shared/appointments/points";
import { slotsFor } from "../../../src/shared/appointments/slots";

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
