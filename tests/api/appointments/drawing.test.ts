import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { app } from "../../../functions/app";
import { drawingKey } from "../../../functions/lib/appointments/drawing";
import type { DrawingInfo } from "../../../src/shared/appointments/wire";
import { contains, jpegClean, jpegWithMetadata, pngWithMetadata } from "../../unit/fixtures/images";
import { deskSession, deskVia } from "./desk-factories";
import { booked, manage, newIp, slotsAhead } from "./factories";

// The design drawing (效果图) of a booking: uploaded by the manage link's holder under the complaint
// photos' rules (type by the bytes, 5 MB, metadata stripped), read back by that holder only, and by
// the desk of the booking's own point.

let slot = 0;
/** A fresh booking of linhe's intake (its own slot, so capacity never refuses one). */
async function freshBooking() {
  const b = await booked((slotsAhead("intake")[slot++] as { id: string }).id);
  const row = await env.DB.prepare("SELECT id FROM appointments WHERE booking_number = ?")
    .bind(b.bookingNumber)
    .first<{ id: number }>();
  return { ...b, id: row?.id ?? 0 };
}

function upload(token: string, body: BodyInit, headers: Record<string, string> = {}, ip = newIp()) {
  return app.request(
    "/api/appointments/manage/drawing",
    { method: "PUT", headers: { "x-manage-token": token, "cf-connecting-ip": ip, ...headers }, body },
    env,
  );
}

const form = (bytes: Uint8Array, name = "效果图.jpg", type = "image/jpeg") => {
  const f = new FormData();
  f.append("drawing", new File([bytes], name, { type }));
  return f;
};

const stored = async (id: number) => {
  const o = await env.PHOTOS.get(drawingKey(id));
  return o ? { bytes: new Uint8Array(await o.arrayBuffer()), type: o.httpMetadata?.contentType } : null;
};

const SECRETS = ["GPS-SECRET-LAT", "Exif", "<xmp>secret</xmp>", "张三", "COMMENT-SECRET"];

describe("a booking's design drawing", () => {
  it("is stored without its EXIF, XMP or comments, read back by the link's holder, and replaced by a new upload", async () => {
    const b = await freshBooking();
    const original = jpegWithMetadata();
    expect(contains(original, "GPS-SECRET-LAT")).toBe(true);
    const res = await upload(b.manageToken, form(original));
    expect(res.status, await res.clone().text()).toBe(200);
    const info = (await res.json()) as DrawingInfo;
    expect(info).toMatchObject({ contentType: "image/jpeg", bytes: jpegClean().length });

    const kept = await stored(b.id);
    expect(kept?.bytes.length).toBe(jpegClean().length);
    for (const s of SECRETS) expect(contains(kept?.bytes ?? new Uint8Array(), s), s).toBe(false);

    const back = await manage(b.manageToken, "GET", "/drawing");
    expect(back.status).toBe(200);
    expect(back.headers.get("content-type")).toBe("image/jpeg");
    expect(back.headers.get("cache-control")).toBe("private, no-store");
    expect(back.headers.get("content-security-policy")).toMatch(/(^|;)\s*sandbox\s*(;|$)/);
    const served = new Uint8Array(await back.arrayBuffer());
    for (const s of SECRETS) expect(contains(served, s), s).toBe(false);

    const again = await upload(b.manageToken, form(pngWithMetadata(), "v2.png", "image/png"));
    expect(again.status).toBe(200);
    expect((await stored(b.id))?.type).toBe("image/png");
    for (const s of SECRETS) expect(contains((await stored(b.id))?.bytes ?? new Uint8Array(), s), s).toBe(false);
    expect((await manage(b.manageToken, "GET", "/drawing")).headers.get("content-type")).toBe("image/png");
  });

  it("judges the file by its bytes (a page named .jpg is 422), takes only multipart (415) and nothing over 5 MB (413)", async () => {
    const b = await freshBooking();
    const html = new TextEncoder().encode("<html><script>alert(1)</script></html>");
    const page = await upload(b.manageToken, form(html));
    expect(page.status).toBe(422);
    expect(((await page.json()) as { errors: { pointer: string }[] }).errors[0]?.pointer).toBe("#/drawing");

    const json = await upload(b.manageToken, JSON.stringify({ drawing: "x" }), { "content-type": "application/json" });
    expect(json.status).toBe(415);
    const raw = await upload(b.manageToken, jpegWithMetadata(), { "content-type": "image/jpeg" });
    expect(raw.status).toBe(415);

    // Just over 5 MB: within the body's allowance for the form around it, refused by the file's size.
    const over = new Uint8Array(5 * 1024 * 1024 + 1);
    over.set(jpegWithMetadata());
    const big = await upload(b.manageToken, form(over));
    expect(big.status).toBe(413);
    expect(big.headers.get("content-type")).toContain("application/problem+json");
    // Far over: refused by the body limit before anything is read.
    const huge = await upload(b.manageToken, form(new Uint8Array(7 * 1024 * 1024)));
    expect(huge.status).toBe(413);
    expect(await stored(b.id)).toBeNull();
  }, 30_000);

  it("is not another booking's to read, and a wrong link reads nothing", async () => {
    const mine = await freshBooking();
    const theirs = await freshBooking();
    expect((await upload(mine.manageToken, form(jpegWithMetadata()))).status).toBe(200);
    const other = await manage(theirs.manageToken, "GET", "/drawing");
    expect(other.status).toBe(404);
    expect(other.headers.get("content-type")).toContain("application/problem+json");
    expect((await manage("A".repeat(22), "GET", "/drawing")).status).toBe(404);
    expect((await manage("", "GET", "/drawing")).status).toBe(422);
  });

  it("cannot be attached to a cancelled booking", async () => {
    const b = await freshBooking();
    expect((await manage(b.manageToken, "DELETE")).status).toBe(200);
    expect((await upload(b.manageToken, form(jpegWithMetadata()))).status).toBe(409);
    expect(await stored(b.id)).toBeNull();
  });

  it("counts uploads per client before reading them: the 11th in a minute is 429", async () => {
    const ip = newIp();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await upload("", "x", { "content-type": "text/plain" }, ip)).status);
    expect(statuses.slice(0, 10).every((s) => s !== 429)).toBe(true);
    expect(statuses[10]).toBe(429);
  });

  it("is read at the desk of the booking's own point only; another point's clerk gets 404", async () => {
    const b = await freshBooking();
    expect((await upload(b.manageToken, form(jpegWithMetadata()))).status).toBe(200);
    const path = `/points/linhe/bookings/${b.id}/drawing`;
    const own = await deskSession();
    const res = await deskVia(env, own, path);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/jpeg");
    const seen = new Uint8Array(await res.arrayBuffer());
    for (const s of SECRETS) expect(contains(seen, s), s).toBe(false);

    const guiyuan = await deskSession("service_point_staff", "guiyuan");
    expect((await deskVia(env, guiyuan, path)).status).toBe(404);
    // Nor through their own point's path: the booking is linhe's.
    expect((await deskVia(env, guiyuan, `/points/guiyuan/bookings/${b.id}/drawing`)).status).toBe(404);
    // An admin reaches every point, but the booking is found only under its own.
    const admin = await deskSession("admin");
    expect((await deskVia(env, admin, `/points/guiyuan/bookings/${b.id}/drawing`)).status).toBe(404);
    expect((await deskVia(env, admin, path)).status).toBe(200);
  });
});
