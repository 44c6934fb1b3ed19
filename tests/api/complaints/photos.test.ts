import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { contains, jpegClean, jpegWithMetadata, pngWithMetadata } from "../../unit/fixtures/images";
import { type Filed, fileWithPhotos, ORIGIN, tableCounts, track, validComplaint } from "./factories";

const jpeg = (bytes = jpegWithMetadata()) => ({ bytes, name: "IMG_0001.jpg", type: "image/jpeg" });

async function storedObjects(): Promise<Uint8Array[]> {
  const list = await env.PHOTOS.list();
  return Promise.all(
    list.objects.map(async (o) => new Uint8Array(await ((await env.PHOTOS.get(o.key)) as R2ObjectBody).arrayBuffer())),
  );
}

async function photoIdsOf(caseNumber: string): Promise<number[]> {
  const rows = await env.DB.prepare(
    "SELECT p.id FROM complaint_photos p JOIN complaints c ON c.id = p.complaint_id WHERE c.case_number = ? ORDER BY p.id",
  )
    .bind(caseNumber)
    .all<{ id: number }>();
  return rows.results.map((r) => r.id);
}

describe("complaint photos", () => {
  it("stores a photo with GPS EXIF and XMP without any of it", async () => {
    const original = jpegWithMetadata();
    expect(contains(original, "GPS-SECRET-LAT")).toBe(true);
    const res = await fileWithPhotos(validComplaint(), [
      jpeg(original),
      { ...jpeg(pngWithMetadata()), name: "x.png", type: "image/png" },
    ]);
    expect(res.status).toBe(201);
    const objects = await storedObjects();
    expect(objects.length).toBeGreaterThanOrEqual(2);
    for (const bytes of objects) {
      for (const secret of ["GPS-SECRET-LAT", "Exif", "<xmp>secret</xmp>", "张三"])
        expect(contains(bytes, secret), secret).toBe(false);
    }
    expect(objects.some((b) => b.length === jpegClean().length)).toBe(true);
  });

  it("keeps photos private until staff accept the case, except to the reporter's token", async () => {
    const res = await fileWithPhotos(validComplaint(), [jpeg()]);
    const filed = (await res.json()) as Filed;
    const [photoId] = await photoIdsOf(filed.caseNumber);
    const publicUrl = `${ORIGIN}/api/complaints/photos/${photoId}`;
    expect((await exports.default.fetch(publicUrl)).status).toBe(404);
    const own = await track(filed.trackingToken, `/api/complaints/track/photos/${photoId}`);
    expect(own.status).toBe(200);
    expect(own.headers.get("content-type")).toBe("image/jpeg");
    expect(own.headers.get("content-security-policy")).toMatch(/(^|;)\s*sandbox\s*(;|$)/);
    expect((await track("A".repeat(22), `/api/complaints/track/photos/${photoId}`)).status).toBe(404);

    await env.DB.prepare("UPDATE complaints SET state = 'accepted' WHERE case_number = ?").bind(filed.caseNumber).run();
    const shown = await exports.default.fetch(publicUrl);
    expect(shown.status).toBe(200);
    expect(shown.headers.get("x-content-type-options")).toBe("nosniff");
    // The photo's own policy, not the API-wide one: opened on its own, it runs nothing.
    const policy = shown.headers.get("content-security-policy") ?? "";
    expect(policy.split(";").map((d) => d.trim())).toEqual(expect.arrayContaining(["default-src 'none'", "sandbox"]));
    expect(policy).not.toContain(",");
    expect(contains(new Uint8Array(await shown.arrayBuffer()), "GPS-SECRET-LAT")).toBe(false);
  });

  it("judges a file by its bytes: a page named .jpg is refused, and nothing is written", async () => {
    const before = await tableCounts();
    const html = new TextEncoder().encode("<html><script>alert(1)</script></html>");
    const res = await fileWithPhotos(validComplaint(), [
      jpeg(),
      { bytes: html, name: "photo.jpg", type: "image/jpeg" },
    ]);
    expect(res.status).toBe(422);
    expect(((await res.json()) as { errors: { pointer: string }[] }).errors[0]?.pointer).toBe("#/photos/1");
    expect(await tableCounts()).toEqual(before);
  });

  // Four photos and a 5 MB upload: 1.0 s on the two-core machine under load; 30 s leaves room.
  it("refuses a fourth photo and a photo over 5 MB", async () => {
    const before = await tableCounts();
    const four = await fileWithPhotos(validComplaint(), [jpeg(), jpeg(), jpeg(), jpeg()]);
    expect(four.status).toBe(422);
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(jpegWithMetadata());
    const tooBig = await fileWithPhotos(validComplaint(), [jpeg(big)]);
    expect(tooBig.status).toBe(422);
    expect(await tableCounts()).toEqual(before);
  }, 30_000);
});
