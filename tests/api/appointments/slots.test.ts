import { describe, expect, it } from "vitest";
import { bookedPerSlot, pointDay } from "../../../functions/db/appointments/index";
import type { PointList, SlotListResult } from "../../../src/shared/appointments/wire";
import { db, expectIndexed, plan } from "../query-plan";
import { api, booked, slotsAhead, TEST_NOW } from "./factories";

const inspection = slotsAhead("inspection");

describe("points and free slots", () => {
  it("runs on the fixed test morning, whose horizon offers every service the other suites book", () => {
    const drift = Date.now() - TEST_NOW.getTime();
    expect(drift).toBeGreaterThanOrEqual(0);
    expect(drift).toBeLessThan(600_000);
    // Tue 1 Dec 2026 10:00 China time: linhe's two intake desks, its consultation desk and two
    // inspection teams over a plain fortnight of 2026 (the suites use up to 10 intake slots).
    expect(slotsAhead("intake").length).toBeGreaterThanOrEqual(10);
    expect(slotsAhead("consultation").length).toBeGreaterThanOrEqual(1);
    expect(inspection.length).toBeGreaterThanOrEqual(3);
  });

  it("lists the four points with this week's real hours", async () => {
    const r = await api("/points");
    expect(r.status).toBe(200);
    const body = (await r.json()) as PointList;
    expect(body.points.map((p) => p.id)).toEqual(["linhe", "guiyuan", "xishan", "beihu"]);
    const linhe = body.points[0];
    expect(linhe?.week.days).toHaveLength(7);
    expect(linhe?.week.hours).toBe(10);
    expect(linhe?.week.days[1]?.hours).toEqual(["09:00–12:00"]);
  });

  it("lists free slots with the places left, the booked ones counted", async () => {
    const slot = inspection[0] as { id: string; day: string };
    const list = async () =>
      ((await (await api(`/slots?point=linhe&service=inspection&from=${slot.day}`)).json()) as SlotListResult).slots;
    const before = (await list()).find((s) => s.id === slot.id);
    expect(before?.placesLeft).toBe(4);
    await booked(slot.id);
    expect((await list()).find((s) => s.id === slot.id)?.placesLeft).toBe(3);
    const any = ((await (await api("/slots?point=any&service=inspection")).json()) as SlotListResult).slots;
    expect(new Set(any.map((s) => s.pointId)).size).toBe(4);
    expect(any.map((s) => s.start)).toEqual([...any.map((s) => s.start)].sort());
  });

  it("refuses a bad query with a Chinese 422 at the field", async () => {
    const r = await api("/slots?point=linhe&service=haircut");
    expect(r.status).toBe(422);
    const body = (await r.json()) as { errors: { pointer: string; detail: string }[] };
    expect(body.errors[0]).toEqual({ pointer: "#/service", detail: "请选择服务类型" });
  });
});

describe("query plans", () => {
  it("counts taken places per slot through the partial index of taken rows", async () => {
    const steps = await plan(
      bookedPerSlot(db, ["linhe", "beihu"], "intake", "2026-12-01T00:00:00.000Z", "2026-12-15T00:00:00.000Z"),
    );
    expectIndexed(steps);
    expect(steps.join(" | ")).toContain("appointments_slot_taken_idx");
  });

  it("counts a slot's taken rows for the capacity trigger (migrations/0018) through the same index", async () => {
    const sql = `SELECT count(*) FROM appointments WHERE point_id = ? AND service = ? AND slot_start = ? AND slot_id = ?
      AND status IN ('booked', 'attended')`;
    const params = ["linhe", "intake", "2026-12-08T01:00:00.000Z", "linhe:intake:2026-12-08T09:00+08:00"];
    const steps = await plan({ toSQL: () => ({ sql, params }) });
    expectIndexed(steps);
    expect(steps.join(" | ")).toContain("appointments_slot_taken_idx");
  });

  it("reads the desk's day through the point-and-start index", async () => {
    const steps = await plan(pointDay(db, "linhe", "2026-12-08T00:00:00.000Z", "2026-12-09T00:00:00.000Z"));
    expectIndexed(steps);
    expect(steps.join(" | ")).toContain("appointments_day_idx");
  });
});
