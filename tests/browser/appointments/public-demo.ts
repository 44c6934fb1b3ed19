// The public booking API as the merchant's browser tests use it: the free slots the API offers now
// (whatever today is: a test takes the first one, never a date of its own), bookings made through the
// API (to fill a slot, or for the pages' accessibility states), a booking's calendar file unfolded,
// and axe at both sizes in both modes for a state reached by clicking.
import { randomInt } from "node:crypto";
import type { Download, Page } from "playwright-core";
import { expect, inject } from "vitest";
import type { ServiceId } from "../../../src/shared/appointments/points";
import type { BookingResult, FreeSlot, SlotListResult } from "../../../src/shared/appointments/wire";
import { expectAxeCleanAt, freshClientAddress, VIEWPORTS } from "../kit";

/** The free slots of a point (or `any`) for a service, in the API's order (earliest first). */
export async function freeSlots(service: ServiceId, point = "any", baseUrl = inject("baseUrl")): Promise<FreeSlot[]> {
  const res = await fetch(`${baseUrl}/api/appointments/slots?point=${point}&service=${service}`);
  if (!res.ok) throw new Error(`GET slots: ${res.status} ${await res.text()}`);
  const { slots, unknownYears } = (await res.json()) as SlotListResult;
  // The tests book the slots the API offers today: none are offered in a year whose public holidays
  // are not in content/appointments/ yet (from late December, until the State Council's notice is added).
  const why =
    unknownYears.length > 0 ? ` (no holiday data for ${unknownYears.join(", ")}: add it to content/appointments/)` : "";
  if (slots.length === 0) throw new Error(`no free ${service} slot at ${point}${why}`);
  return slots;
}

/** A mobile number no other booking of this run uses: one active booking per phone per service. */
export const freshPhone = () => `137${String(randomInt(100_000_000)).padStart(8, "0")}`;

/** A booking through the API, as a browser sends it (a fresh Idempotency-Key and client address). */
export async function bookByApi(slotId: string, baseUrl = inject("baseUrl")): Promise<BookingResult> {
  const res = await fetch(`${baseUrl}/api/appointments/bookings`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "idempotency-key": crypto.randomUUID(),
      "cf-connecting-ip": freshClientAddress(),
    },
    body: JSON.stringify({
      slotId,
      name: "测试商户",
      phone: freshPhone(),
      shopName: "测试小店",
      shopAddress: "临河街道滨河路 18 号",
    }),
  });
  if (res.status !== 201) throw new Error(`POST bookings: ${res.status} ${await res.text()}`);
  return (await res.json()) as BookingResult;
}

/** Takes every place left of a slot through the API, as other merchants would. */
export async function fillSlot(slot: FreeSlot, baseUrl = inject("baseUrl")): Promise<void> {
  const now = (await freeSlots(slot.service, slot.pointId, baseUrl)).find((s) => s.id === slot.id);
  for (let i = 0; i < (now?.placesLeft ?? 0); i++) await bookByApi(slot.id, baseUrl);
}

/** A booked consultation's manage path ("/appointments/manage/#t=…"), for the pages' states. */
export async function demoBookingPath(baseUrl = inject("baseUrl")): Promise<string> {
  const [slot] = await freeSlots("consultation", "any", baseUrl);
  return (await bookByApi(slot?.id ?? "", baseUrl)).managePath;
}

/** A cancelled consultation's manage path. */
export async function cancelledBookingPath(baseUrl = inject("baseUrl")): Promise<string> {
  const path = await demoBookingPath(baseUrl);
  const token = new URLSearchParams(path.split("#")[1] ?? "").get("t") ?? "";
  const res = await fetch(`${baseUrl}/api/appointments/manage`, {
    method: "DELETE",
    headers: { "x-manage-token": token },
  });
  if (res.status !== 200) throw new Error(`cancel: ${res.status} ${await res.text()}`);
  return path;
}

/** A downloaded calendar file's text, its folded lines joined again (RFC 5545 §3.1). */
export async function calendarText(download: Download): Promise<string> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r\n[ \t]/g, "");
}

/** One property of a calendar file ("DTSTART;TZID=Asia/Shanghai:20261208T090000" → its line). */
export const icsLine = (text: string, name: string) => text.split("\r\n").find((l) => l.startsWith(name)) ?? "";

/** "20261208T090000": an instant as a local time in China, as DTSTART;TZID=Asia/Shanghai writes it. */
export function chinaIcsTime(iso: string): string {
  const china = new Date(Date.parse(iso) + 8 * 3_600_000).toISOString();
  return china.slice(0, 19).replaceAll("-", "").replaceAll(":", "");
}

/** "20261208T090000": a slot's China-time start, from its id ("linhe:intake:2026-12-08T09:00+08:00"). */
export function slotIcsStart(slotId: string): string {
  const m = /:(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})\+08:00$/.exec(slotId);
  if (!m) throw new Error(`not a slot id: ${slotId}`);
  return `${m[1]}${m[2]}${m[3]}T${m[4]}${m[5]}00`;
}

/**
 * axe finds nothing at 360 and 1280 px, in normal and senior mode, on the state the page is in
 * (reached by clicking, so not in tests/browser/pages.ts); the page is left at 360 px, normal mode.
 */
export async function expectAxeCleanEverywhere(page: Page): Promise<void> {
  for (const senior of [false, true]) {
    await page.evaluate((on) => document.documentElement.classList.toggle("senior", on), senior);
    await expectAxeCleanAt(page, [VIEWPORTS.phone, VIEWPORTS.desktop]);
  }
  await page.evaluate(() => document.documentElement.classList.remove("senior"));
  await page.setViewportSize(VIEWPORTS.phone);
  expect(await page.evaluate(() => document.documentElement.classList.contains("senior"))).toBe(false);
}
