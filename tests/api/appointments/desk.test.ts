import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { DeskDay, DeskPointList, DeskStepResult } from "../../../src/shared/appointments/wire";
import {
  bookedToday,
  bookingPath,
  dayOf,
  desk,
  deskSession,
  entryOf,
  slotAt,
  TODAY,
  takenIn,
  todaySlots,
  walkInBody,
} from "./desk-factories";
import { bookRequest, newPhone, slotsAhead, validBooking } from "./factories";

// The service point's desk on Tuesday 1 December 2026, 10:00 China time (linhe open 09:00–12:00,
// two intake desks): the day view, check-in, no-show, undo, notes and walk-ins, scoped to the
// clerk's own point, each write one batch with its audit row.

const auditCount = async (action: string, target: string) =>
  (
    await env.DB.prepare("SELECT count(*) AS n FROM audit_log WHERE action = ? AND target = ?")
      .bind(action, target)
      .first<{ n: number }>()
  )?.n ?? 0;

describe("the desk's day view", () => {
  it("lists the day's bookings in slot order with names and phones, inspections apart, and the free places", async () => {
    const late = await bookedToday(slotAt("intake", "11:00").id, { name: "李晚到" });
    const early = await bookedToday(slotAt("intake", "09:00").id, { name: "张早到", phone: "13900001234" });
    const clerk = await deskSession();
    const day = await dayOf(clerk);
    const numbers = day.desk.map((e) => e.bookingNumber);
    expect(numbers.indexOf(early.bookingNumber)).toBeLessThan(numbers.indexOf(late.bookingNumber));
    const first = day.desk.find((e) => e.bookingNumber === early.bookingNumber);
    expect(first).toMatchObject({ name: "张早到", phone: "13900001234", status: "booked", statusLabel: "待到" });
    expect(first?.walkIn).toBe(false);
    expect(day.inspection.every((e) => e.service === "inspection")).toBe(true);
    expect(day).toMatchObject({ date: TODAY, today: true, canAct: true, contactsShown: true });
    const slot = day.slots.find((s) => s.slotId === slotAt("intake", "09:00").id);
    expect(slot?.capacity).toBe(2);
    expect(slot?.free).toBe((slot?.capacity ?? 0) - (await takenIn(slotAt("intake", "09:00").id)));
    expect(day.slots.filter((s) => s.service === "intake")).toHaveLength(todaySlots("intake").length);
    expect(await auditCount("appointment.day_viewed", `linhe/${TODAY}`)).toBeGreaterThan(0);
  });

  it("shows the inspection team's visits with the shops' addresses", async () => {
    const slot = slotsAhead("inspection")[0];
    if (!slot) throw new Error("no inspection slot ahead");
    const r = await bookRequest(
      validBooking(slot.id, { shopAddress: "临河街道滨河路 99 号", applicationNumber: "DZ-2026-0001" }),
    );
    expect(r.status).toBe(201);
    const day = await dayOf(await deskSession(), "linhe", slot.day);
    const visit = day.inspection.find((e) => e.shopAddress === "临河街道滨河路 99 号");
    expect(visit).toMatchObject({ service: "inspection", applicationNumber: "DZ-2026-0001" });
    expect(visit?.windowName).toMatch(/上午|下午/);
    expect(day.desk.some((e) => e.service === "inspection")).toBe(false);
  });

  it("a service point's clerk sees their own point only: another point is 404, like an unknown one", async () => {
    const clerk = await deskSession();
    const points = (await (await desk(clerk, "/points")).json()) as DeskPointList;
    expect(points.points.map((p) => p.id)).toEqual(["linhe"]);
    expect((await desk(clerk, `/points/guiyuan/day?date=${TODAY}`)).status).toBe(404);
    expect((await desk(clerk, `/points/nowhere/day?date=${TODAY}`)).status).toBe(404);
    const other = await deskSession("service_point_staff", "guiyuan");
    const b = await bookedToday(slotAt("intake", "09:30").id);
    const { id } = await entryOf(clerk, b.bookingNumber);
    expect((await desk(other, bookingPath(id, "check-in"), "POST")).status).toBe(404);
    // Their own point's path cannot reach another point's booking either.
    expect((await desk(other, bookingPath(id, "check-in", "guiyuan"), "POST")).status).toBe(404);
  });

  it("a dispatcher reads every point with phones masked and may not act; an admin may", async () => {
    const b = await bookedToday(slotAt("intake", "09:30").id, { phone: "13912345678" });
    const dispatcher = await deskSession("dispatcher");
    expect(((await (await desk(dispatcher, "/points")).json()) as DeskPointList).points.length).toBeGreaterThan(2);
    const day = (await (await desk(dispatcher, `/points/linhe/day?date=${TODAY}`)).json()) as DeskDay;
    const seen = day.desk.find((e) => e.bookingNumber === b.bookingNumber);
    expect(seen?.phone).toBe("139****5678");
    expect(day).toMatchObject({ canAct: false, contactsShown: false });
    expect((await desk(dispatcher, bookingPath(seen?.id ?? 0, "check-in"), "POST")).status).toBe(403);
    const admin = await deskSession("admin");
    expect((await desk(admin, bookingPath(seen?.id ?? 0, "check-in"), "POST")).status).toBe(200);
  });

  it("refuses a date that is none", async () => {
    expect((await desk(await deskSession(), "/points/linhe/day?date=2026-13-01")).status).toBe(422);
  });
});

describe("check-in, no-show and undo", () => {
  it("checks a merchant in once (a second tablet's tap changes nothing) and audits it", async () => {
    const b = await bookedToday(slotAt("intake", "10:30").id);
    const clerk = await deskSession();
    const { id } = await entryOf(clerk, b.bookingNumber);
    const [one, two] = await Promise.all([
      desk(clerk, bookingPath(id, "check-in"), "POST"),
      desk(clerk, bookingPath(id, "check-in"), "POST"),
    ]);
    const results = [(await one?.json()) as DeskStepResult, (await two?.json()) as DeskStepResult];
    expect(results.filter((r) => r.changed)).toHaveLength(1);
    expect(results[0]?.entry.status).toBe("attended");
    expect(results[0]?.entry.checkedInAt).not.toBeNull();
    expect(await auditCount("appointment.checked_in", b.bookingNumber)).toBe(1);
    const row = await env.DB.prepare("SELECT checked_in_by FROM appointments WHERE id = ?").bind(id).first();
    expect(row?.checked_in_by).toEqual(expect.any(Number));
  });

  it("marks a no-show only once the slot has started, and not over a check-in", async () => {
    const later = await bookedToday(slotAt("consultation", "11:20").id);
    const started = await bookedToday(slotAt("consultation", "09:40").id);
    const clerk = await deskSession();
    const laterId = (await entryOf(clerk, later.bookingNumber)).id;
    const startedId = (await entryOf(clerk, started.bookingNumber)).id;
    const early = await desk(clerk, bookingPath(laterId, "no-show"), "POST");
    expect(early.status).toBe(409);
    const r = await desk(clerk, bookingPath(startedId, "no-show"), "POST");
    expect(((await r.json()) as DeskStepResult).entry.status).toBe("no_show");
    expect((await desk(clerk, bookingPath(startedId, "check-in"), "POST")).status).toBe(409);
    // Undo with what the tablet saw; the place is free again only as long as nobody took it.
    const undo = await desk(clerk, bookingPath(startedId, "undo"), "POST", { from: "no_show" });
    expect(((await undo.json()) as DeskStepResult).entry.status).toBe("booked");
    expect((await desk(clerk, bookingPath(startedId, "check-in"), "POST")).status).toBe(200);
    // A tablet that still shows the no-show cannot undo the newer check-in.
    expect((await desk(clerk, bookingPath(startedId, "undo"), "POST", { from: "no_show" })).status).toBe(409);
  });

  it("undoing a no-show is refused when a walk-in has taken the freed place", async () => {
    const slot = slotAt("intake", "10:00");
    const clerk = await deskSession();
    // Fill the slot: whatever is there, plus bookings up to its capacity.
    const mine = await bookedToday(slot.id);
    while ((await takenIn(slot.id)) < slot.capacity) await bookedToday(slot.id);
    const id = (await entryOf(clerk, mine.bookingNumber)).id;
    expect((await desk(clerk, bookingPath(id, "no-show"), "POST")).status).toBe(200);
    expect((await desk(clerk, "/points/linhe/walk-ins", "POST", walkInBody(slot.id))).status).toBe(201);
    expect((await desk(clerk, bookingPath(id, "undo"), "POST", { from: "no_show" })).status).toBe(409);
    expect(await takenIn(slot.id)).toBe(slot.capacity);
  });

  it("no-shows feed the public no-show rule: two restrict booking online", async () => {
    const phone = newPhone();
    const a = await bookedToday(slotAt("intake", "09:00").id, { phone });
    const b = await bookedToday(slotAt("consultation", "09:00").id, { phone });
    const clerk = await deskSession();
    for (const n of [a.bookingNumber, b.bookingNumber]) {
      const { id } = await entryOf(clerk, n);
      expect((await desk(clerk, bookingPath(id, "no-show"), "POST")).status).toBe(200);
    }
    const ahead = slotsAhead("intake")[0];
    const refused = await bookRequest(validBooking(ahead?.id ?? "", { phone }));
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { detail: string }).detail).toContain("未到场");
  });

  it("keeps a note over the note the tablet saw; another tablet's newer note is 409 with it", async () => {
    const b = await bookedToday(slotAt("consultation", "10:20").id);
    const clerk = await deskSession();
    const { id } = await entryOf(clerk, b.bookingNumber);
    const first = await desk(clerk, bookingPath(id, "note"), "PUT", { note: "带了效果图", previous: null });
    expect(((await first.json()) as DeskStepResult).entry.note).toBe("带了效果图");
    const stale = await desk(clerk, bookingPath(id, "note"), "PUT", { note: "缺身份证", previous: null });
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { currentNote: string }).currentNote).toBe("带了效果图");
    const next = await desk(clerk, bookingPath(id, "note"), "PUT", { note: "缺身份证", previous: "带了效果图" });
    expect(((await next.json()) as DeskStepResult).entry.note).toBe("缺身份证");
    expect(await auditCount("appointment.note_saved", b.bookingNumber)).toBe(2);
  });
});

describe("walk-ins", () => {
  it("puts a walk-in onto a free slot of today, checked in, with a booking number", async () => {
    const clerk = await deskSession();
    const slot = slotAt("consultation", "11:40");
    const r = await desk(clerk, "/points/linhe/walk-ins", "POST", walkInBody(slot.id, { note: "咨询材料" }));
    expect(r.status).toBe(201);
    const { entry } = (await r.json()) as DeskStepResult;
    expect(entry).toMatchObject({ status: "attended", walkIn: true, note: "咨询材料", slotId: slot.id });
    expect(entry.bookingNumber).toMatch(/^YY[0-9A-Z]{8}$/);
    expect(await auditCount("appointment.walk_in", entry.bookingNumber)).toBe(1);
    // Undoing a walk-in's check-in cancels it: there is no booking to go back to.
    const undo = await desk(clerk, bookingPath(entry.id, "undo"), "POST", { from: "attended" });
    expect(((await undo.json()) as DeskStepResult).entry.status).toBe("cancelled");
  });

  it("refuses a slot that has ended, another day's, another point's and an inspection", async () => {
    const clerk = await deskSession();
    for (const slotId of [
      slotAt("intake", "09:00").id,
      (slotsAhead("intake").find((s) => s.day !== TODAY) ?? { id: "" }).id,
      "guiyuan:intake:2026-12-01T10:00+08:00",
      (slotsAhead("inspection")[0] ?? { id: "" }).id,
    ]) {
      const r = await desk(clerk, "/points/linhe/walk-ins", "POST", walkInBody(slotId));
      expect(r.status, slotId).toBe(422);
    }
  });

  it("follows the point's calendar: a closure today takes its slots off the day and out of walk-ins", async () => {
    const admin = await deskSession("admin");
    const closed = await desk(admin, "/points/guiyuan/closures", "POST", {
      day: TODAY,
      from: "11:00",
      to: "12:00",
      reason: "other",
      text: "临时停电",
    });
    expect(closed.status, await closed.clone().text()).toBe(201);
    const day = await dayOf(admin, "guiyuan");
    const intake = day.slots.filter((s) => s.service === "intake").map((s) => s.slotId.slice(-11, -6));
    expect(intake).toEqual(["09:00", "09:30", "10:00", "10:30"]);
    const clerk = await deskSession("service_point_staff", "guiyuan");
    const walkIn = await desk(
      clerk,
      "/points/guiyuan/walk-ins",
      "POST",
      walkInBody(slotAt("intake", "11:30", "guiyuan").id),
    );
    expect(walkIn.status).toBe(422);
    expect(
      (await desk(clerk, "/points/guiyuan/walk-ins", "POST", walkInBody(slotAt("intake", "10:30", "guiyuan").id)))
        .status,
    ).toBe(201);
  });

  it("a checked-in merchant still holds the place: a full slot refuses a walk-in with 409", async () => {
    const slot = slotAt("intake", "11:00");
    const clerk = await deskSession();
    const mine = await bookedToday(slot.id);
    while ((await takenIn(slot.id)) < slot.capacity) await bookedToday(slot.id);
    const { id } = await entryOf(clerk, mine.bookingNumber);
    expect((await desk(clerk, bookingPath(id, "check-in"), "POST")).status).toBe(200);
    const r = await desk(clerk, "/points/linhe/walk-ins", "POST", walkInBody(slot.id));
    expect(r.status).toBe(409);
    expect(await takenIn(slot.id)).toBe(slot.capacity);
  });

  it("10 walk-ins at once for the last 2 places: exactly 2 are written", async () => {
    const slot = slotAt("intake", "11:30");
    const clerk = await deskSession();
    // Leave exactly two places, whatever earlier tests put here.
    while (slot.capacity - (await takenIn(slot.id)) > 2) await bookedToday(slot.id);
    const free = slot.capacity - (await takenIn(slot.id));
    expect(free).toBe(2);
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => desk(clerk, "/points/linhe/walk-ins", "POST", walkInBody(slot.id))),
    );
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(2);
    expect(statuses.filter((s) => s === 409)).toHaveLength(8);
    expect(await takenIn(slot.id)).toBe(slot.capacity);
  });
});
