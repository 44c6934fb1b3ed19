import { env } from "cloudflare:workers";
import { app } from "../../../functions/app";
import { personKey } from "../../../functions/lib/person-key";
import { pointById, type ServiceId } from "../../../src/shared/appointments/points";
import type { BookingInput } from "../../../src/shared/appointments/schemas";
import { type Slot, slotsFor } from "../../../src/shared/appointments/slots";
import type { BookingResult } from "../../../src/shared/appointments/wire";

// Small factories for the appointments API tests. The API takes `now` from the clock, and what it
// offers depends on the day (holidays, the 14-day horizon, a year whose holidays are not in the data
// yet), so every file that imports these factories runs on a shifted clock: it reads Tuesday
// 1 December 2026, 10:00 China time, when the file loads, and goes on at the real pace from there
// (the idempotency record tells a retry from a concurrent request by time, so a frozen clock would
// not do; vitest's fake timers advance by a timer, which workerd runs only between I/O). The test
// and the app share the isolate, so both read the same clock; D1 and the limiters are untouched.
export const TEST_NOW = new Date("2026-12-01T02:00:00.000Z");
const RealDate = Date;
const offset = TEST_NOW.getTime() - RealDate.now();
class ShiftedDate extends RealDate {
  constructor(...args: [] | ConstructorParameters<DateConstructor>) {
    if (args.length === 0) super(RealDate.now() + offset);
    else super(...(args as ConstructorParameters<DateConstructor>));
  }
  static override now() {
    return RealDate.now() + offset;
  }
}
globalThis.Date = ShiftedDate as DateConstructor;

type E = typeof env;
let seq = 0;

/** A fresh client address per request (IPv6 documentation range), so no limiter counts two tests together. */
export const newIp = () => `2001:db8:a::${(++seq).toString(16)}`;
export const newKey = () => `appt-${crypto.randomUUID()}`;
/** A fresh mobile number: one active booking per phone per service is a rule of its own. */
export const newPhone = () => `139${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;

/** The slots the data offers now for a point and service (linhe: 2 intake desks, 4 inspection visits a window). */
export function slotsAhead(service: ServiceId, pointId = "linhe"): Slot[] {
  const point = pointById(pointId);
  if (!point) throw new Error(`no point ${pointId}`);
  // Offered now and still a day from now: a test that runs for a while never meets the notice
  // period, and none lies past today's horizon.
  const now = new Date();
  const offered = new Set(slotsFor({ point, service, now }).slots.map((s) => s.id));
  return slotsFor({ point, service, now: new Date(now.getTime() + 86_400_000) }).slots.filter((s) => offered.has(s.id));
}

export const validBooking = (slotId: string, over: Partial<BookingInput> = {}): BookingInput => ({
  slotId,
  name: "王小明",
  phone: newPhone(),
  shopName: "小明面馆",
  shopAddress: "临河街道滨河路 18 号",
  licenceNumber: "91330100MA2B3C4D5E",
  ...over,
});

/** A public appointments request (path under /api/appointments) through the app, with a given environment. */
export async function via(
  e: E,
  path: string,
  method = "GET",
  headers: Record<string, string> = {},
  body?: unknown,
): Promise<Response> {
  return await app.request(
    `/api/appointments${path}`,
    {
      method,
      headers: {
        "cf-connecting-ip": newIp(),
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    },
    e,
  );
}

export const api = (path: string, method = "GET", headers: Record<string, string> = {}, body?: unknown) =>
  via(env, path, method, headers, body);

export const bookVia = (e: E, body: unknown, key = newKey()) =>
  via(e, "/bookings", "POST", { "idempotency-key": key }, body);
export const bookRequest = (body: unknown, key = newKey()) => bookVia(env, body, key);

/** Books and expects 201. */
export async function booked(slotId: string, over: Partial<BookingInput> = {}): Promise<BookingResult> {
  const r = await bookRequest(validBooking(slotId, over));
  if (r.status !== 201) throw new Error(`booking ${slotId}: ${r.status} ${await r.text()}`);
  return (await r.json()) as BookingResult;
}

export const manage = (token: string, method = "GET", path = "", body?: unknown) =>
  api(`/manage${path}`, method, { "x-manage-token": token }, body);

/** Booked rows of a slot, from D1. */
export async function bookedIn(slotId: string): Promise<number> {
  const row = await env.DB.prepare("SELECT count(*) AS n FROM appointments WHERE slot_id = ? AND status = 'booked'")
    .bind(slotId)
    .first<{ n: number }>();
  return row?.n ?? 0;
}

/** A no-show of the person with `phone`: a consultation at linhe at 09:00 China time on `day`, marked no_show. */
export async function noShowOn(phone: string, day: string, n = 1) {
  const key = await personKey(env, "appointment", phone);
  const [start, end] = [`${day}T01:00:00.000Z`, `${day}T01:20:00.000Z`];
  await env.DB.prepare(
    `INSERT INTO appointments (booking_number, manage_hash, point_id, service, slot_id, slot_start, slot_end, capacity,
      name, phone, person_key, shop_name, shop_address, status, created_at, updated_at)
     VALUES (?, ?, 'linhe', 'consultation', ?, ?, ?, 1, '王', ?, ?, '店', '地址地址', 'no_show', ?, ?)`,
  )
    .bind(
      `YYNOSHOW${n}${phone.slice(-4)}`,
      `noshow-${n}-${phone}`,
      `linhe:consultation:${day}T09:00+08:00`,
      start,
      end,
      phone,
      key,
      start,
      start,
    )
    .run();
}
