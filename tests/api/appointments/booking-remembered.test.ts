import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it } from "vitest";
import type { Slot } from "../../../src/shared/appointments/slots";
import { instrumentedDb } from "../instrumented-db";
import { restoreLinheCalendar, TEN_HOURS } from "./calendar-factories";
import { bookRequest, bookVia, newPhone, noShowOn, slotsAhead, validBooking } from "./factories";

// A booking on a day whose calendar this isolate has read before skips the read
// (functions/lib/appointments/book.ts): its batch writes only while the template, the day's
// closures and the person's few no-shows it decided on still hold. These tests change them behind
// the remembered copy and expect the answer a fresh read would give.

interface Problem {
  detail: string;
  errors?: { pointer: string }[];
}

const count = async () =>
  (await env.DB.prepare("SELECT count(*) AS n FROM appointments").first<{ n: number }>())?.n ?? 0;

/**
 * Two intake slots of the `nth` day at linhe (a day per test: the file's tests share one database);
 * the first booked, so the day's calendar is remembered.
 */
async function rememberedDay(nth: number): Promise<{ day: string; next: Slot }> {
  const slots = slotsAhead("intake");
  const byDay = new Map<string, Slot[]>();
  for (const s of slots) {
    const day = s.id.split(":")[2]?.slice(0, 10) ?? "";
    byDay.set(day, [...(byDay.get(day) ?? []), s]);
  }
  const [day, same] = [...byDay.entries()].filter(([, s]) => s.length >= 2)[nth] ?? [];
  if (!day || !same?.[0] || !same[1]) throw new Error("no day with two intake slots");
  expect((await bookRequest(validBooking(same[0].id))).status).toBe(201);
  return { day, next: same[1] };
}

async function expectNotOffered(slot: Slot) {
  const before = await count();
  const r = await bookRequest(validBooking(slot.id));
  expect(r.status).toBe(422);
  expect(((await r.json()) as Problem).errors?.[0]?.pointer).toBe("#/slotId");
  expect(await count()).toBe(before);
}

describe("a booking on a day whose calendar was read before", () => {
  // The file's tests share one database: each puts linhe's calendar back as the data has it.
  afterEach(restoreLinheCalendar);

  it("is one round trip to D1, the write", async () => {
    const { next } = await rememberedDay(0);
    const probe = instrumentedDb();
    expect((await bookVia(probe.env, validBooking(next.id))).status).toBe(201);
    expect(probe.stats).toMatchObject({ roundTrips: 1, writeBatches: 1 });
  });

  it("sees a template saved since, which no longer opens that day: 422 at the slot, nothing written", async () => {
    const { next } = await rememberedDay(1);
    await env.DB.prepare(
      `INSERT INTO appointment_templates (point_id, weekly, weekly_minutes, version, updated_by, updated_at)
       VALUES ('linhe', ?, 600, 1, 1, ?)`,
    )
      .bind(JSON.stringify(TEN_HOURS), new Date().toISOString())
      .run();
    await expectNotOffered(next);
  });

  it("sees a closure of that day added since: 422 at the slot, nothing written", async () => {
    const { day, next } = await rememberedDay(2);
    await env.DB.prepare(
      `INSERT INTO appointment_closures (point_id, day, starts_at, ends_at, reason, created_by, created_at)
       VALUES ('linhe', ?, ?, ?, 'weather', 1, ?)`,
    )
      .bind(day, new Date(`${day}T00:00:00+08:00`).toISOString(), new Date(`${day}T23:59:00+08:00`).toISOString(), day)
      .run();
    await expectNotOffered(next);
  });

  it("refuses a person the no-show rule restricts (409 quoting the rule), writing nothing", async () => {
    const { next } = await rememberedDay(3);
    const phone = newPhone();
    for (const daysAgo of [20, 6]) {
      await noShowOn(phone, new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10), daysAgo);
    }
    const before = await count();
    const r = await bookRequest(validBooking(next.id, { phone }));
    expect(r.status).toBe(409);
    expect(((await r.json()) as Problem).detail).toContain("预约后未到场");
    expect(await count()).toBe(before);
  });
});
