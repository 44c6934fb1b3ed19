import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it } from "vitest";
import type { SlotListResult } from "../../../src/shared/appointments/wire";
import { instrumentedDb } from "../instrumented-db";
import { restoreLinheCalendar, TEN_HOURS } from "./calendar-factories";
import { booked, manage, slotsAhead, via } from "./factories";

// The free-slot listing keeps its rows while the appointments' change counter stands still
// (functions/db/kept-reads.ts, migrations/0026). Each test changes what the listing shows, in each
// of the ways the tables can change, and expects the very next listing to show it.

type E = typeof env;

const listVia = async (e: E): Promise<SlotListResult> => {
  const r = await via(e, "/slots?point=linhe&service=intake");
  expect(r.status).toBe(200);
  return (await r.json()) as SlotListResult;
};
const placesLeft = async (slotId: string) => (await listVia(env)).slots.find((s) => s.id === slotId)?.placesLeft;

describe("the free slots, kept while nothing they read changes", () => {
  // The file's tests share one database: each puts linhe's calendar back as the data has it.
  afterEach(restoreLinheCalendar);

  it("answers a listing read again with one round trip, the counter, and the same body", async () => {
    const first = await listVia(env);
    const probe = instrumentedDb();
    expect(await listVia(probe.env)).toEqual(first);
    expect(probe.stats.roundTrips).toBe(1);
  });

  it("shows a booking and its cancellation in the next listing", async () => {
    const slot = slotsAhead("intake")[5];
    if (!slot) throw new Error("no slot");
    const before = await placesLeft(slot.id);
    expect(before).toBeGreaterThan(0);
    const b = await booked(slot.id);
    expect(await placesLeft(slot.id)).toBe((before ?? 0) - 1 || undefined);
    expect((await manage(b.manageToken, "DELETE")).status).toBe(200);
    expect(await placesLeft(slot.id)).toBe(before);
  });

  it("shows a saved template and a closure in the next listing", async () => {
    const listed = (await listVia(env)).slots;
    expect(listed.length).toBeGreaterThan(0);
    const first = listed[0];
    if (!first) throw new Error("no slot");
    await env.DB.prepare(
      `INSERT INTO appointment_closures (point_id, day, starts_at, ends_at, reason, created_by, created_at)
       VALUES ('linhe', ?, ?, ?, 'weather', 1, ?)`,
    )
      .bind(first.day, first.start, first.end, first.day)
      .run();
    expect(await placesLeft(first.id)).toBeUndefined();
    await env.DB.prepare(
      `INSERT INTO appointment_templates (point_id, weekly, weekly_minutes, version, updated_by, updated_at)
       VALUES ('linhe', ?, 600, 1, 1, ?)`,
    )
      .bind(JSON.stringify(TEN_HOURS), new Date().toISOString())
      .run();
    // Mon, Wed and Fri only: no slot left on the data's Tue, Thu or Sat.
    const days = new Set((await listVia(env)).slots.map((s) => new Date(`${s.day}T12:00:00+08:00`).getUTCDay()));
    expect([...days].every((d) => [1, 3, 5].includes(d))).toBe(true);
    expect(days.size).toBeGreaterThan(0);
  });
});
