import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createDb } from "../../../functions/db/client";
import { cancelBooking, reschedule } from "../../../functions/lib/appointments/manage";
import { sha256Hex } from "../../../functions/lib/tokens";
import { cloudflarePlatform } from "../../../functions/platform/cloudflare";
import type { AppointmentView, FreeSlot, RescheduleResult } from "../../../src/shared/appointments/wire";
import { booked, bookedIn, manage, slotsAhead } from "./factories";

const intake = slotsAhead("intake");
const consultation = slotsAhead("consultation");
const HOUR = 3_600_000;

const id = (i: number) => (intake[i] as { id: string }).id;

describe("the manage link", () => {
  it("shows the booking with the phone masked, the cut-off, the checklist and the messages", async () => {
    const b = await booked(id(0), { phone: "13912345678" });
    const r = await manage(b.manageToken);
    expect(r.status).toBe(200);
    expect(r.headers.get("cache-control")).toBe("no-store");
    const view = (await r.json()) as AppointmentView;
    expect(view).toMatchObject({
      bookingNumber: b.bookingNumber,
      status: "booked",
      service: "intake",
      phone: "139****5678",
    });
    expect(view.point.name).toContain("临河");
    expect(view.canChange).toBe(true);
    expect(Date.parse(view.cancelDeadline)).toBe(Date.parse(view.start) - 2 * HOUR);
    expect(view.bring.map((x) => x.item).join()).toContain("营业执照");
    expect(view.messages.map((m) => m.kind)).toEqual(["booked"]);
  });

  it("answers an unknown secret 404 and a malformed one 422, never from a query string", async () => {
    expect((await manage("A".repeat(22))).status).toBe(404);
    expect((await manage("short")).status).toBe(422);
  });

  it("cancels once: the place is free again, a second cancel is 409 and writes nothing", async () => {
    const b = await booked(id(1));
    expect(await bookedIn(id(1))).toBe(1);
    const r = await manage(b.manageToken, "DELETE");
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ status: "cancelled" });
    expect(await bookedIn(id(1))).toBe(0);
    expect((await manage(b.manageToken, "DELETE")).status).toBe(409);
    const view = (await (await manage(b.manageToken)).json()) as AppointmentView;
    expect(view.messages.map((m) => m.kind)).toEqual(["booked", "cancelled"]);
    expect(view.version).toBe(1); // the calendar's CANCEL replaces the event
  });

  it("counts a cancel after the cut-off as late, and refuses a reschedule then", async () => {
    const b = await booked(id(2));
    const db = createDb(env.DB);
    const { batch } = cloudflarePlatform(env);
    const hash = await sha256Hex(b.manageToken);
    const late = new Date(Date.parse(b.start) - HOUR);
    // The last slot is offered at that moment too (a day's notice and more): only the cut-off refuses.
    const last = (intake.at(-1) as { id: string }).id;
    await expect(reschedule(db, batch, hash, last, late)).rejects.toMatchObject({
      status: 409,
      message: expect.stringContaining("不足 2 小时"),
    });
    expect(await cancelBooking(db, batch, hash, late)).toEqual({ status: "late_cancelled" });
  });

  it("reschedules: the new slot is held, the old one freed, the version (SEQUENCE) raised", async () => {
    const b = await booked(id(4));
    const r = await manage(b.manageToken, "POST", "/reschedule", { slotId: id(5) });
    expect(r.status).toBe(200);
    const moved = (await r.json()) as RescheduleResult;
    expect(moved).toMatchObject({ slotId: id(5), version: 1 });
    expect(await bookedIn(id(4))).toBe(0);
    expect(await bookedIn(id(5))).toBe(1);
    expect((await manage(b.manageToken, "POST", "/reschedule", { slotId: id(5) })).status).toBe(409);
  });

  it("refuses a reschedule into a full slot with 409 and the nearest free slots, and keeps the old place", async () => {
    const full = id(6);
    await booked(full);
    await booked(full);
    const b = await booked(id(7));
    const r = await manage(b.manageToken, "POST", "/reschedule", { slotId: full });
    expect(r.status).toBe(409);
    const body = (await r.json()) as { nearestFree: FreeSlot[] };
    expect(body.nearestFree.length).toBeGreaterThan(0);
    expect(body.nearestFree.every((s) => s.service === "intake" && s.id !== full)).toBe(true);
    expect(await bookedIn(id(7))).toBe(1);
    expect(await bookedIn(full)).toBe(2);
  });

  it("gives a calendar file of the booking's current state: SEQUENCE after a reschedule, CANCEL after a cancel", async () => {
    const b = await booked(id(9));
    const ics = async () => {
      const r = await manage(b.manageToken, "GET", "/calendar.ics");
      expect(r.status).toBe(200);
      expect(r.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
      return (await r.text()).replace(/\r\n /g, "").split("\r\n");
    };
    const first = await ics();
    expect(first).toContain("METHOD:PUBLISH");
    expect(first).toContain("SEQUENCE:0");
    expect(first).toContain(`UID:appointment-${b.bookingNumber}@localhost`);
    // The slot id names its China-time start ("…:2026-12-08T09:00+08:00"): the file says the same wall clock.
    const local = id(9).slice(-22, -6).replace(/[-:]/g, "");
    expect(first).toContain(`DTSTART;TZID=Asia/Shanghai:${local}00`);
    expect(first.find((l) => l.startsWith("URL:"))).toBe(
      `URL:http://localhost/appointments/manage/#t=${b.manageToken}`,
    );
    expect((await manage(b.manageToken, "DELETE")).status).toBe(200);
    const cancelled = await ics();
    expect(cancelled).toContain("METHOD:CANCEL");
    expect(cancelled).toContain("STATUS:CANCELLED");
    expect(cancelled).toContain("SEQUENCE:1");
  });

  it("refuses a reschedule to another service type at #/slotId", async () => {
    const b = await booked(id(8));
    const r = await manage(b.manageToken, "POST", "/reschedule", { slotId: (consultation[0] as { id: string }).id });
    expect(r.status).toBe(422);
    expect(((await r.json()) as { errors: { pointer: string }[] }).errors[0]?.pointer).toBe("#/slotId");
  });
});
