import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { deskRow } from "../../../functions/db/appointments/desk";
import { pointDay } from "../../../functions/db/appointments/index";
import { dayEnd, dayStart } from "../../../src/shared/time";
import { instrumentedDb } from "../instrumented-db";
import { db, expectIndexed, plan } from "../query-plan";
import {
  bookedToday,
  bookingPath,
  deskAllOrNothing,
  deskSession,
  deskVia,
  entryOf,
  slotAt,
  TODAY,
  walkInBody,
} from "./desk-factories";

// Every desk step is one D1 batch with its audit row: a failure injected at each statement in turn
// (tests/api/instrumented-db.ts) answers 500 and leaves every appointments table and the audit log
// as they were; run whole, exactly one write batch and no other write.

const statusOf = async (bookingNumber: string) =>
  (await env.DB.prepare("SELECT status, checked_in_at FROM appointments WHERE booking_number = ?")
    .bind(bookingNumber)
    .first<{ status: string; checked_in_at: string | null }>()) ?? undefined;

describe("every desk step is one D1 batch, all or nothing", () => {
  it("checks in in one batch: the status, who and when, and the audit row, or nothing", async () => {
    const b = await bookedToday(slotAt("intake", "10:30").id);
    const clerk = await deskSession();
    const { id } = await entryOf(clerk, b.bookingNumber);
    const length = await deskAllOrNothing("check-in", (e) => deskVia(e, clerk, bookingPath(id, "check-in"), "POST"));
    expect(length).toBe(2);
    expect(await statusOf(b.bookingNumber)).toMatchObject({ status: "attended", checked_in_at: expect.any(String) });
  });

  it("marks a no-show and undoes it in one batch each", async () => {
    const b = await bookedToday(slotAt("consultation", "09:00").id);
    const clerk = await deskSession();
    const { id } = await entryOf(clerk, b.bookingNumber);
    expect(await deskAllOrNothing("no-show", (e) => deskVia(e, clerk, bookingPath(id, "no-show"), "POST"))).toBe(2);
    expect((await statusOf(b.bookingNumber))?.status).toBe("no_show");
    const undo = (e: typeof env) => deskVia(e, clerk, bookingPath(id, "undo"), "POST", { from: "no_show" });
    expect(await deskAllOrNothing("undo", undo)).toBe(2);
    expect((await statusOf(b.bookingNumber))?.status).toBe("booked");
  });

  it("saves a note in one batch", async () => {
    const b = await bookedToday(slotAt("consultation", "10:20").id);
    const clerk = await deskSession();
    const { id } = await entryOf(clerk, b.bookingNumber);
    const note = (e: typeof env) =>
      deskVia(e, clerk, bookingPath(id, "note"), "PUT", { note: "带了效果图", previous: null });
    expect(await deskAllOrNothing("note", note)).toBe(2);
  });

  it("writes a walk-in in one batch: the row, checked in, and the audit row, or nothing", async () => {
    const clerk = await deskSession();
    const body = walkInBody(slotAt("intake", "11:30").id);
    const length = await deskAllOrNothing(
      "walk-in",
      (e) => deskVia(e, clerk, "/points/linhe/walk-ins", "POST", body),
      201,
    );
    expect(length).toBe(2);
  });

  it("a repeated tap writes nothing at all, not even an audit row", async () => {
    const b = await bookedToday(slotAt("intake", "11:00").id);
    const clerk = await deskSession();
    const { id } = await entryOf(clerk, b.bookingNumber);
    expect((await deskVia(env, clerk, bookingPath(id, "check-in"), "POST")).status).toBe(200);
    const probe = instrumentedDb();
    const again = await deskVia(probe.env, clerk, bookingPath(id, "check-in"), "POST");
    expect(((await again.json()) as { changed: boolean }).changed).toBe(false);
    expect(probe.stats.writeBatches).toBe(0);
    expect(probe.stats.writesOutsideBatch).toBe(0);
  });
});

describe("the desk's queries use their indexes", () => {
  it("reads a point's day through the point-and-start index", async () => {
    const steps = await plan(pointDay(db, "linhe", dayStart(TODAY).toISOString(), dayEnd(TODAY).toISOString()));
    expectIndexed(steps);
    expect(steps.join(" | ")).toContain("appointments_day_idx");
  });

  it("finds one booking of a point by its key", async () => {
    const steps = await plan(deskRow(db, "linhe", 1));
    expectIndexed(steps);
    expect(steps.join(" | ")).toMatch(/INTEGER PRIMARY KEY/);
  });
});
