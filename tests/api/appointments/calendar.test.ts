import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { ClosureResult, TemplateSaved } from "../../../src/shared/appointments/calendar-staff-wire";
import type { AppointmentView, PointList } from "../../../src/shared/appointments/wire";
import { calendarOf, messagesOf, publicSlots, rowOf, TEN_HOURS } from "./calendar-factories";
import { desk, deskSession } from "./desk-factories";
import { api, booked, bookRequest, manage, slotsAhead, validBooking } from "./factories";

// The staff calendar through the API: the template staff save (the 10-hour rule at the edge and in
// the table), closures that cancel and tell the bookings of their period in one batch, and what the
// public listing and the manage page then say. The clock is the factories' (Tue 1 Dec 2026 10:00).
// The file's tests share one D1: each changes a point or a day no other test here reads.

describe("a point's calendar for staff", () => {
  it("shows the data's template, the weeks with their hours, and that 2027's holidays are missing", async () => {
    const clerk = await deskSession();
    const cal = await calendarOf(clerk);
    expect(cal.template).toMatchObject({ version: 0, source: "data", hours: 10, updatedAt: null });
    expect(cal.canEdit).toBe(true);
    expect(cal.calendar.weeks[0]).toMatchObject({ week: "2026-W49", hours: 10, below: false });
    expect(cal.calendar.unknownYears).toEqual([2027]);
    expect(cal.calendar.warnings[0]).toContain("2027 年节假日安排尚未录入");
    expect(cal.calendar.weeks.at(-1)).toMatchObject({ unknownYear: 2027 });
    expect((await calendarOf(await deskSession("dispatcher"))).canEdit).toBe(false);
  });
});

describe("saving a point's weekly template", () => {
  it("refuses a week below 10 hours with 422 naming the hours, and writes nothing", async () => {
    const clerk = await deskSession();
    const short = { ...TEN_HOURS, fri: [{ from: "09:00", to: "10:30" }] };
    const r = await desk(clerk, "/points/linhe/template", "PUT", { version: 0, weekly: short });
    expect(r.status).toBe(422);
    const body = (await r.json()) as { errors: { pointer: string; detail: string }[] };
    expect(body.errors).toContainEqual({
      pointer: "#/weekly",
      detail: "每周办公时间合计 8.5 小时，少于规定的 10 小时，不能保存",
    });
    const rows = await env.DB.prepare("SELECT count(*) AS n FROM appointment_templates").first<{ n: number }>();
    expect(rows?.n).toBe(0);
  });

  it("is refused below 10 hours by the table itself", async () => {
    await expect(
      env.DB.prepare(
        "INSERT INTO appointment_templates (point_id, weekly, weekly_minutes, version, updated_by, updated_at) VALUES ('linhe', '{}', 540, 1, 1, 'x')",
      ).run(),
    ).rejects.toThrow(/appointment_templates_minimum/);
  });

  it("saves over the version read, refuses a stale one with 409, and the public slots follow it", async () => {
    const admin = await deskSession("admin");
    const first = await desk(admin, "/points/xishan/template", "PUT", { version: 0, weekly: TEN_HOURS });
    expect(first.status, await first.clone().text()).toBe(200);
    expect(await first.json()).toEqual({ version: 1, hours: 10 } satisfies TemplateSaved);
    expect((await desk(admin, "/points/xishan/template", "PUT", { version: 0, weekly: TEN_HOURS })).status).toBe(409);
    const second = await desk(admin, "/points/xishan/template", "PUT", { version: 1, weekly: TEN_HOURS });
    expect(((await second.json()) as TemplateSaved).version).toBe(2);
    const cal = await calendarOf(admin, "xishan");
    expect(cal.template).toMatchObject({ version: 2, source: "saved", weekly: TEN_HOURS });
    const days = new Set((await publicSlots("intake", "xishan")).slots.map((s) => s.day));
    expect(days.has("2026-12-09")).toBe(true); // a Wednesday, now open
    expect(days.has("2026-12-08")).toBe(false); // a Tuesday, no longer
    // A slot of the data's template is no longer offered.
    const old = slotsAhead("intake", "xishan").find((s) => s.day === "2026-12-08");
    expect((await bookRequest(validBooking(old?.id ?? ""))).status).toBe(422);
    const audit = await env.DB.prepare(
      "SELECT count(*) AS n FROM audit_log WHERE action = 'appointment.template_saved' AND target = 'xishan'",
    ).first<{ n: number }>();
    expect(audit?.n).toBe(2);
  });
});

describe("closing a point for a day", () => {
  const thursday = "2026-12-10";
  const onThursday = () => slotsAhead("intake").filter((s) => s.day === thursday);

  it("cancels every booking of the day, tells each, frees the places and offers the nearest free slots", async () => {
    const clerk = await deskSession();
    const [a, b] = [await booked(onThursday()[0]?.id ?? ""), await booked(onThursday()[1]?.id ?? "")];
    const other = await booked(slotsAhead("intake").find((s) => s.day === "2026-12-08")?.id ?? "");
    const before = await desk(clerk, `/points/linhe/closures/affected?day=${thursday}`);
    expect(
      ((await before.json()) as { bookings: { bookingNumber: string }[] }).bookings.map((x) => x.bookingNumber),
    ).toEqual([a.bookingNumber, b.bookingNumber]);
    const r = await desk(clerk, "/points/linhe/closures", "POST", { day: thursday, reason: "weather" });
    expect(r.status, await r.clone().text()).toBe(201);
    const result = (await r.json()) as ClosureResult;
    expect(result.cancelled.sort()).toEqual([a.bookingNumber, b.bookingNumber].sort());
    expect(result.closure).toMatchObject({ day: thursday, from: null, note: "临时闭门（恶劣天气）" });
    for (const x of [a, b]) {
      const row = await rowOf(x.bookingNumber);
      expect(row).toMatchObject({ status: "cancelled", closure_id: result.closure.id, version: 1 });
      expect(await messagesOf(row?.id ?? 0)).toEqual(["booked", "point_closed"]);
    }
    expect(await rowOf(other.bookingNumber)).toMatchObject({ status: "booked", closure_id: null });
    const audit = await env.DB.prepare(
      "SELECT detail FROM audit_log WHERE action = 'appointment.point_closed' AND target = ?",
    )
      .bind(`linhe/${thursday}`)
      .first<{ detail: string }>();
    expect(JSON.parse(audit?.detail ?? "{}")).toMatchObject({ cancelled: 2, reason: "weather" });
    // The day's slots are no longer offered, and nothing else changed.
    const slots = (await publicSlots()).slots;
    expect(slots.some((s) => s.day === thursday)).toBe(false);
    expect(slots.some((s) => s.day === "2026-12-08")).toBe(true);
    // The merchant's manage page says why and offers the nearest free slots; moving there books again.
    const view = (await (await manage(a.manageToken)).json()) as AppointmentView;
    expect(view).toMatchObject({ status: "cancelled", canChange: true, closure: { note: "临时闭门（恶劣天气）" } });
    const nearest = view.closure?.nearestFree ?? [];
    expect(nearest.length).toBeGreaterThan(0);
    // Any point's nearest (another point is open that Thursday), never linhe's closed day.
    expect(nearest.some((s) => s.pointId === "linhe" && s.day === thursday)).toBe(false);
    const moved = await manage(a.manageToken, "POST", "/reschedule", { slotId: nearest[0]?.id });
    expect(moved.status, await moved.clone().text()).toBe(200);
    expect(await rowOf(a.bookingNumber)).toMatchObject({ status: "booked", closure_id: null, version: 2 });
  });

  it("refuses any booking into the closed period, at the API and in the database", async () => {
    const clerk = await deskSession("service_point_staff", "guiyuan");
    const slot = slotsAhead("intake", "guiyuan").find((s) => s.day === thursday);
    const r = await desk(clerk, "/points/guiyuan/closures", "POST", {
      day: thursday,
      from: "14:00",
      to: "15:00",
      reason: "training",
    });
    expect(r.status).toBe(201);
    expect((await bookRequest(validBooking(slot?.id ?? ""))).status).toBe(422);
    // A booking the Worker had already judged open meets the trigger.
    await expect(
      env.DB.prepare(
        `INSERT INTO appointments (booking_number, manage_hash, point_id, service, slot_id, slot_start, slot_end,
          capacity, name, phone, person_key, shop_name, shop_address, status, version, created_at, updated_at)
        VALUES ('YYCLOSED1', 'h', 'guiyuan', 'intake', ?, ?, ?, 2, '王', '13900001111', 'k', '店', '路', 'booked', 0, 'x', 'x')`,
      )
        .bind(slot?.id, slot?.start, slot?.end)
        .run(),
    ).rejects.toThrow(/point_closed/);
    // The rest of the afternoon is still offered.
    const clocks = (await publicSlots("intake", "guiyuan")).slots
      .filter((s) => s.day === thursday)
      .map((s) => s.id.slice(-11, -6));
    expect(clocks).toEqual(["15:00", "15:30", "16:00", "16:30"]);
  });

  it("shows the closure on the public points page, the week below 10 hours", async () => {
    const clerk = await deskSession();
    const saturday = "2026-12-05";
    expect(
      (await desk(clerk, "/points/linhe/closures", "POST", { day: saturday, reason: "other", text: "停电检修" }))
        .status,
    ).toBe(201);
    const list = (await (await api("/points")).json()) as PointList;
    const linhe = list.points.find((p) => p.id === "linhe");
    expect(linhe?.week).toMatchObject({ hours: 6, belowMinimum: true });
    expect(linhe?.week.days.find((d) => d.day === saturday)).toEqual({
      day: saturday,
      hours: [],
      note: "临时闭门（停电检修）",
    });
    expect(list.points.find((p) => p.id === "guiyuan")?.week).toMatchObject({ hours: 10, belowMinimum: false });
  });

  it("refuses a period already over, 其他 without words, and reopens once", async () => {
    const admin = await deskSession("admin");
    const past = await desk(admin, "/points/beihu/closures", "POST", { day: "2026-11-30", reason: "weather" });
    expect(past.status).toBe(422);
    expect((await desk(admin, "/points/beihu/closures", "POST", { day: thursday, reason: "other" })).status).toBe(422);
    const r = await desk(admin, "/points/beihu/closures", "POST", { day: thursday, reason: "weather" });
    const { closure } = (await r.json()) as ClosureResult;
    expect((await calendarOf(admin, "beihu")).closures.map((c) => c.id)).toEqual([closure.id]);
    expect((await desk(admin, `/closures/${closure.id}`, "DELETE")).status).toBe(200);
    expect((await desk(admin, `/closures/${closure.id}`, "DELETE")).status).toBe(409);
    expect((await publicSlots("intake", "beihu")).slots.some((s) => s.day === thursday)).toBe(true);
    expect((await calendarOf(admin, "beihu")).closures).toEqual([]);
    // Another point's clerk does not see it exists.
    expect(
      (await desk(await deskSession("service_point_staff", "guiyuan"), `/closures/${closure.id}`, "DELETE")).status,
    ).toBe(404);
  });
});
