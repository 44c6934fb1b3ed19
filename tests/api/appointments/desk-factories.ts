import { env } from "cloudflare:workers";
import { expect, vi } from "vitest";
import { app } from "../../../functions/app";
import { slotsOfDay } from "../../../src/shared/appointments/desk";
import { pointById, type ServiceId } from "../../../src/shared/appointments/points";
import type { BookingInput } from "../../../src/shared/appointments/schemas";
import type { Slot } from "../../../src/shared/appointments/slots";
import type { BookingResult, DeskDay, DeskEntry } from "../../../src/shared/appointments/wire";
import type { Role } from "../../../src/shared/staff/roles";
import { chinaDay } from "../../../src/shared/time";
import { makeStaff, newClientIp, ORIGIN, signIn } from "../staff/factories";
import { allOrNothingOver, STAFF_TABLES } from "./all-or-nothing";
import { booked } from "./factories";

// Factories of the desk's tests (staff at a service point on TEST_NOW, Tuesday 1 December 2026,
// 10:00 China time, while linhe is open 09:00–12:00). Today's bookings are made through the public
// API as a merchant would: the clock is set back two days for the booking (the notice period), then
// returned to TEST_NOW.

type E = typeof env;
const DAY = 86_400_000;
export const TEST_NOW = new Date("2026-12-01T02:00:00.000Z");
// Only `Date` is faked (the test and the app share the isolate), going on at the real pace so the
// idempotency record still tells a retry from a concurrent request by time.
vi.useFakeTimers({ now: TEST_NOW, toFake: ["Date"], shouldAdvanceTime: true, advanceTimeDelta: 1 });
export const TODAY = chinaDay(TEST_NOW);

/** Today's slots of linhe for a service, in order. */
export function todaySlots(service: ServiceId, pointId = "linhe"): Slot[] {
  const point = pointById(pointId);
  if (!point) throw new Error(`no point ${pointId}`);
  return slotsOfDay(point, service, TODAY);
}

/** Today's slot of a service starting at `clock` (China time). */
export function slotAt(service: ServiceId, clock: string, pointId = "linhe"): Slot {
  const slot = todaySlots(service, pointId).find((s) => s.id.endsWith(`T${clock}+08:00`));
  if (!slot) throw new Error(`no ${service} slot at ${clock} today`);
  return slot;
}

/** A booking of today's slot, made through the public API two days ahead. */
export async function bookedToday(slotId: string, over: Partial<BookingInput> = {}): Promise<BookingResult> {
  vi.setSystemTime(new Date(TEST_NOW.getTime() - 2 * DAY));
  try {
    return await booked(slotId, over);
  } finally {
    vi.setSystemTime(TEST_NOW);
  }
}

/** The service-point unit a point's desk is worked by (created once; the API tests start without the seed). */
export async function deskUnit(pointId = "linhe"): Promise<string> {
  const unit = pointById(pointId)?.deskUnit;
  if (!unit) throw new Error(`${pointId} has no desk unit`);
  await env.DB.prepare("INSERT OR IGNORE INTO units (id, name, kind) VALUES (?, ?, 'service_point')")
    .bind(unit, `${pointId} 服务点`)
    .run();
  return unit;
}

/** A signed-in staff member: a service point's clerk of `pointId` by default. */
export async function deskSession(role: Role = "service_point_staff", pointId = "linhe"): Promise<string> {
  const over = role === "service_point_staff" ? { unitId: await deskUnit(pointId) } : {};
  return signIn((await makeStaff(role, over)).email);
}

/** A staff request under /api/staff/appointments as the desk page sends it, through the app with a given environment. */
export function deskVia(e: E, cookie: string, path: string, method = "GET", given?: unknown) {
  // Writes are same-origin JSON: a step without fields still sends an empty object.
  const body = given === undefined && method !== "GET" ? {} : given;
  return app.request(
    `/api/staff/appointments${path}`,
    {
      method,
      headers: {
        origin: ORIGIN,
        "sec-fetch-site": "same-origin",
        "cf-connecting-ip": newClientIp(),
        cookie,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    },
    e,
  );
}

export const desk = (cookie: string, path: string, method = "GET", body?: unknown) =>
  deskVia(env, cookie, path, method, body);

/** The day view of linhe (or another point) today, expecting 200. */
export async function dayOf(cookie: string, pointId = "linhe", date = TODAY): Promise<DeskDay> {
  const r = await desk(cookie, `/points/${pointId}/day?date=${date}`);
  expect(r.status, await r.clone().text()).toBe(200);
  return (await r.json()) as DeskDay;
}

/** The day view's entry of a booking number. */
export async function entryOf(cookie: string, bookingNumber: string): Promise<DeskEntry> {
  const day = await dayOf(cookie);
  const found = [...day.desk, ...day.inspection].find((e) => e.bookingNumber === bookingNumber);
  if (!found) throw new Error(`${bookingNumber} not in today's view`);
  return found;
}

export const bookingPath = (id: number, step: string, pointId = "linhe") => `/points/${pointId}/bookings/${id}/${step}`;

export const walkInBody = (slotId: string, over: Record<string, unknown> = {}) => ({
  slotId,
  name: "赵现场",
  phone: `137${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`,
  shopName: "赵记小吃",
  shopAddress: "临河街道滨河路 20 号",
  ...over,
});

/** Rows holding a place (booked or checked in) in a slot. */
export async function takenIn(slotId: string): Promise<number> {
  const row = await env.DB.prepare(
    "SELECT count(*) AS n FROM appointments WHERE slot_id = ? AND status IN ('booked', 'attended')",
  )
    .bind(slotId)
    .first<{ n: number }>();
  return row?.n ?? 0;
}

/**
 * The appointments' all-or-nothing check (./all-or-nothing.ts) with the audit log watched too: a
 * desk step's audit row is in its batch. Fails the write batch at each statement in turn (500,
 * one write batch, nothing changed), then runs it whole (`ok`, one write batch, no other write).
 */
export async function deskAllOrNothing(
  name: string,
  act: (e: E) => Response | Promise<Response>,
  ok = 200,
): Promise<number> {
  return (await allOrNothingOver(STAFF_TABLES, name, act, ok)).length;
}
