import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { BookingResult } from "../../../src/shared/appointments/wire";
import { api, booked, bookRequest, newPhone, noShowOn, slotsAhead, validBooking } from "./factories";

const intake = slotsAhead("intake");
const consultation = slotsAhead("consultation");

async function rows(): Promise<number> {
  return (await env.DB.prepare("SELECT count(*) AS n FROM appointments").first<{ n: number }>())?.n ?? 0;
}

interface Problem {
  status: number;
  detail: string;
  errors?: { pointer: string; detail: string }[];
}

describe("booking a slot", () => {
  it("answers 201 with a booking number and a manage link whose secret is only stored hashed", async () => {
    const slot = intake[0] as { id: string; start: string };
    const r = await bookRequest(validBooking(slot.id));
    expect(r.status).toBe(201);
    const body = (await r.json()) as BookingResult;
    expect(body.bookingNumber).toMatch(/^YY[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(body.start).toBe(slot.start);
    expect(body.managePath).toBe(`/appointments/manage/#t=${body.manageToken}`);
    const stored = await env.DB.prepare("SELECT * FROM appointments WHERE booking_number = ?")
      .bind(body.bookingNumber)
      .first<Record<string, unknown>>();
    expect(Object.values(stored ?? {})).not.toContain(body.manageToken);
    expect(stored?.status).toBe("booked");
  });

  it("refuses invalid fields with a Chinese 422 at each field's pointer and writes nothing", async () => {
    const before = await rows();
    const r = await bookRequest({ slotId: "nowhere", name: "", phone: "12345", shopName: "", shopAddress: "x" });
    expect(r.status).toBe(422);
    expect(r.headers.get("content-type")).toContain("application/problem+json");
    const body = (await r.json()) as Problem;
    const pointers = Object.fromEntries((body.errors ?? []).map((e) => [e.pointer, e.detail]));
    expect(pointers["#/slotId"]).toBe("预约时段无效，请重新选择");
    expect(pointers["#/name"]).toBe("请填写姓名");
    expect(pointers["#/phone"]).toBe("请填写 11 位手机号码");
    expect(pointers["#/shopName"]).toBe("请填写店铺名称");
    expect(pointers["#/shopAddress"]).toBe("请填写店铺地址");
    expect(await rows()).toBe(before);
  });

  it("refuses a slot the data does not offer (past, closed) at #/slotId, and a missing Idempotency-Key", async () => {
    const before = await rows();
    const past = await bookRequest(validBooking("linhe:intake:2026-01-06T09:00+08:00"));
    expect(past.status).toBe(422);
    expect(((await past.json()) as Problem).errors?.[0]?.pointer).toBe("#/slotId");
    const closed = await bookRequest(validBooking("linhe:intake:2026-12-09T09:00+08:00")); // a Wednesday
    expect(closed.status).toBe(422);
    const noKey = await api("/bookings", "POST", {}, validBooking((intake[0] as { id: string }).id));
    expect(noKey.status).toBe(422);
    expect(((await noKey.json()) as Problem).errors?.[0]?.pointer).toBe("#/headers/idempotency-key");
    expect(await rows()).toBe(before);
  });

  it("keeps one active booking per phone per service type: a second intake is 409, a consultation is fine", async () => {
    const phone = newPhone();
    await booked((intake[1] as { id: string }).id, { phone });
    const again = await bookRequest(validBooking((intake[2] as { id: string }).id, { phone }));
    expect(again.status).toBe(409);
    expect(((await again.json()) as Problem).detail).toContain("同类服务的有效预约");
    expect((await bookRequest(validBooking((consultation[0] as { id: string }).id, { phone }))).status).toBe(201);
  });

  it("refuses a person with 2 no-shows within 3 months (409 quoting the rule), and not one with 1", async () => {
    const phone = newPhone();
    await noShowOn(phone, "2026-11-10", 1);
    const slot = (intake[3] as { id: string }).id;
    const first = await bookRequest(validBooking(slot, { phone }));
    expect(first.status).toBe(201);
    const { manageToken } = (await first.json()) as BookingResult;
    expect((await api("/manage", "DELETE", { "x-manage-token": manageToken })).status).toBe(200);
    await noShowOn(phone, "2026-11-24", 2);
    const refused = await bookRequest(validBooking(slot, { phone }));
    expect(refused.status).toBe(409);
    const detail = ((await refused.json()) as Problem).detail;
    expect(detail).toContain("3 个月内预约后未到场");
    expect(detail).toContain("2026年12月23日");
  });
});
