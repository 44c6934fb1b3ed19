import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { ImageError, sniffImage, stripMetadata } from "../../functions/lib/image-metadata";
import {
  bytesOf,
  contains,
  crc32,
  jpegClean,
  jpegSegment,
  jpegSegments,
  jpegSof,
  jpegWithMetadata,
  listJpegSegments,
  listPngChunks,
  listRiffChunks,
  PNG_SCANLINES,
  PNG_SIGNATURE,
  pngChunk,
  pngChunks,
  pngClean,
  pngWithMetadata,
  riffChunk,
  VP8X_ALPHA,
  VP8X_EXIF,
  VP8X_XMP,
  vp8,
  vp8l,
  vp8x,
  webpChunks,
  webpFile,
  webpWithMetadata,
} from "./fixtures/images";

const SECRETS = ["GPS-SECRET", "Exif", "xmp", "IPTC-SECRET", "C2PA-SECRET", "COMMENT-SECRET", "张三", "ZTXT-SECRET"];
const GPS_IFD_TAG = bytesOf([0x25, 0x88]); // 0x8825, little-endian as in the fixtures' TIFF

function expectNoSecrets(bytes: Uint8Array): void {
  for (const secret of SECRETS) expect(contains(bytes, secret), secret).toBe(false);
  expect(contains(bytes, GPS_IFD_TAG)).toBe(false);
}

function stripError(bytes: Uint8Array): unknown {
  try {
    stripMetadata(bytes);
  } catch (error) {
    return error;
  }
  return undefined;
}

function withByte(bytes: Uint8Array, at: number, value: number): Uint8Array {
  const copy = bytes.slice();
  copy[at] = value;
  return copy;
}

/** mulberry32: small, seeded, so a failure can be replayed. */
function prng(seed: number): (below: number) => number {
  let state = seed;
  return (below) => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 2 ** 32) * below);
  };
}

describe("sniffImage", () => {
  it("recognises JPEG, PNG and WebP by their magic bytes", () => {
    expect(sniffImage(jpegWithMetadata())).toBe("jpeg");
    expect(sniffImage(pngWithMetadata())).toBe("png");
    expect(sniffImage(webpWithMetadata())).toBe("webp");
  });

  it("goes by the bytes, not by what the upload claims to be", async () => {
    const file = new File([pngWithMetadata()], "photo.jpg", { type: "image/jpeg" });
    expect(sniffImage(new Uint8Array(await file.arrayBuffer()))).toBe("png");
  });

  it("rejects GIF, PDF, HTML, other RIFF files, empty and random bytes", () => {
    const next = prng(7);
    const random = Uint8Array.from({ length: 64 }, () => next(256));
    for (const bytes of [
      bytesOf("GIF89a", [1, 0, 1, 0, 0, 0, 0]),
      bytesOf("%PDF-1.7\n"),
      bytesOf("<!doctype html><html></html>"),
      bytesOf("RIFF", [4, 0, 0, 0], "WAVE"),
      bytesOf([0xff, 0xd8]),
      PNG_SIGNATURE.subarray(0, 7),
      new Uint8Array(0),
      random,
    ]) {
      expect(sniffImage(bytes)).toBeNull();
      expect(() => stripMetadata(bytes)).toThrow(ImageError);
    }
  });

  it("tells the user in Chinese which formats are accepted", () => {
    expect(() => stripMetadata(bytesOf("GIF89a"))).toThrow("仅支持 JPEG、PNG 或 WebP 格式的图片");
  });
});

describe("stripMetadata on JPEG", () => {
  it("drops Exif with its GPS IFD, XMP, MPF, IPTC, C2PA and comments", () => {
    const { bytes } = stripMetadata(jpegWithMetadata());
    expectNoSecrets(bytes);
    expect(listJpegSegments(bytes).segments.map((s) => s.marker)).toEqual([
      0xd8, 0xe0, 0xe2, 0xee, 0xdb, 0xc0, 0xc4, 0xda,
    ]);
  });

  it("keeps JFIF, ICC, Adobe and the image segments byte for byte and in order, scan data unchanged", () => {
    const s = jpegSegments();
    const { segments, rest } = listJpegSegments(stripMetadata(jpegWithMetadata()).bytes);
    expect(segments.map((segment) => segment.bytes)).toEqual([
      s.soi,
      s.jfif,
      s.icc,
      s.adobe,
      s.dqt,
      s.sof0,
      s.dht,
      s.sos,
    ]);
    expect(rest).toEqual(bytesOf(s.scan, s.eoi));
  });

  it("reads the size from the frame header, baseline or progressive", () => {
    expect(stripMetadata(jpegWithMetadata())).toMatchObject({ format: "jpeg", width: 16, height: 8 });
    const s = jpegSegments();
    const progressive = bytesOf(s.soi, s.dqt, jpegSof(0xc2, 640, 480), s.dht, s.sos, s.scan, s.eoi);
    expect(stripMetadata(progressive)).toMatchObject({ width: 640, height: 480 });
  });

  it("passes an already clean JPEG through unchanged", () => {
    expect(stripMetadata(jpegClean()).bytes).toEqual(jpegClean());
  });

  it("drops comments between the scans of a progressive JPEG and keeps the tables there", () => {
    const s = jpegSegments();
    const comment = jpegSegment(0xfe, "COMMENT-SECRET");
    const input = bytesOf(
      s.soi,
      s.dqt,
      jpegSof(0xc2, 8, 8),
      s.dht,
      s.sos,
      s.scan,
      comment,
      s.dht,
      s.sos,
      s.scan,
      s.eoi,
    );
    const expected = bytesOf(s.soi, s.dqt, jpegSof(0xc2, 8, 8), s.dht, s.sos, s.scan, s.dht, s.sos, s.scan, s.eoi);
    expect(stripMetadata(input).bytes).toEqual(expected);
  });

  it("drops what follows EOI, where phones append secondary images with their own Exif", () => {
    const input = bytesOf(jpegClean(), jpegWithMetadata());
    expect(stripMetadata(input).bytes).toEqual(jpegClean());
  });

  it("cuts the thumbnail out of a JFIF header", () => {
    const s = jpegSegments();
    const jfifWithThumbnail = jpegSegment(0xe0, bytesOf("JFIF\0", [1, 2, 1, 0, 72, 0, 72, 1, 1], [1, 2, 3]));
    const input = bytesOf(s.soi, jfifWithThumbnail, s.dqt, s.sof0, s.dht, s.sos, s.scan, s.eoi);
    expect(listJpegSegments(stripMetadata(input).bytes).segments[1]?.bytes).toEqual(s.jfif);
  });

  it("throws ImageError for truncated or lying segments and missing frame headers", () => {
    const s = jpegSegments();
    const photo = jpegWithMetadata();
    const lyingLength = bytesOf(s.soi, [0xff, 0xe1, 0xff, 0xff], "Exif\0\0");
    const noFrame = bytesOf(s.soi, s.dqt, s.dht, s.sos, s.scan, s.eoi);
    const noScan = bytesOf(s.soi, s.dqt, s.sof0, s.eoi);
    const shortLength = bytesOf(s.soi, [0xff, 0xdb, 0x00, 0x01], s.sof0);
    for (const bytes of [lyingLength, noFrame, noScan, shortLength, photo.subarray(0, 40), photo.subarray(0, -2)]) {
      expect(stripError(bytes)).toBeInstanceOf(ImageError);
    }
    expect(() => stripMetadata(noFrame)).toThrow("图片文件已损坏或格式不受支持");
  });
});

describe("stripMetadata on PNG", () => {
  it("drops eXIf, tEXt, zTXt, iTXt and tIME", () => {
    const { bytes } = stripMetadata(pngWithMetadata());
    expectNoSecrets(bytes);
    expect(listPngChunks(bytes).map((chunk) => chunk.type)).toEqual(["IHDR", "iCCP", "pHYs", "IDAT", "IDAT", "IEND"]);
  });

  it("keeps every other chunk byte for byte, in order, with CRCs that verify", () => {
    const c = pngChunks();
    const { bytes } = stripMetadata(pngWithMetadata());
    const chunks = listPngChunks(bytes);
    expect(chunks.map((chunk) => chunk.bytes)).toEqual([c.ihdr, c.iccp, c.phys, c.idat1, c.idat2, c.iend]);
    for (const chunk of chunks) {
      expect(chunk.crc).toBe(crc32(bytesOf(chunk.type, chunk.data)));
    }
  });

  it("still inflates to the same pixels and reports the size from IHDR", () => {
    const { bytes, width, height, format } = stripMetadata(pngWithMetadata());
    const idat = listPngChunks(bytes).filter((chunk) => chunk.type === "IDAT");
    expect(new Uint8Array(inflateSync(bytesOf(...idat.map((chunk) => chunk.data))))).toEqual(PNG_SCANLINES);
    expect({ format, width, height }).toEqual({ format: "png", width: 2, height: 2 });
  });

  it("passes an already clean PNG through unchanged and drops bytes after IEND", () => {
    expect(stripMetadata(pngClean()).bytes).toEqual(pngClean());
    expect(stripMetadata(bytesOf(pngClean(), "leftover pixels")).bytes).toEqual(pngClean());
  });

  it("throws ImageError for lying lengths, missing IHDR, IDAT or IEND", () => {
    const c = pngChunks();
    const lying = bytesOf(PNG_SIGNATURE, c.ihdr, [0x7f, 0, 0, 0], "tEXtAuthor");
    const noHeader = bytesOf(PNG_SIGNATURE, c.idat1, c.idat2, c.iend);
    const noData = bytesOf(PNG_SIGNATURE, c.ihdr, c.iend);
    const noEnd = bytesOf(PNG_SIGNATURE, c.ihdr, c.idat1, c.idat2);
    const badType = bytesOf(PNG_SIGNATURE, c.ihdr, pngChunk("a1!b", ""), c.idat1, c.iend);
    const zeroWidth = bytesOf(PNG_SIGNATURE, pngChunk("IHDR", bytesOf([0, 0, 0, 0, 0, 0, 0, 2, 8, 2, 0, 0, 0])));
    for (const bytes of [lying, noHeader, noData, noEnd, badType, zeroWidth, pngClean().subarray(0, 30)]) {
      expect(stripError(bytes)).toBeInstanceOf(ImageError);
    }
  });
});

describe("stripMetadata on WebP", () => {
  it("drops EXIF and XMP chunks and clears their VP8X flags", () => {
    const { bytes } = stripMetadata(webpWithMetadata());
    expectNoSecrets(bytes);
    const chunks = listRiffChunks(bytes);
    expect(chunks.map((chunk) => chunk.fourcc)).toEqual(["VP8X", "ICCP", "VP8L"]);
    expect(webpChunks().vp8x[8]).toBe(VP8X_ALPHA | VP8X_EXIF | VP8X_XMP);
    expect(chunks[0]?.payload[0]).toBe(VP8X_ALPHA);
  });

  it("keeps the other chunks byte for byte, padding included, and rewrites the RIFF size", () => {
    const c = webpChunks();
    const { bytes } = stripMetadata(webpWithMetadata());
    const chunks = listRiffChunks(bytes);
    expect(chunks.slice(1).map((chunk) => chunk.bytes)).toEqual([c.iccp, c.image]);
    expect(chunks[0]?.bytes.subarray(9)).toEqual(c.vp8x.subarray(9));
    expect(new DataView(bytes.buffer).getUint32(4, true)).toBe(bytes.length - 8);
  });

  it("reads the size from VP8X, or from the VP8 or VP8L frame of a simple file", () => {
    expect(stripMetadata(webpWithMetadata())).toMatchObject({ format: "webp", width: 40, height: 30 });
    expect(stripMetadata(webpFile(vp8(320, 240)))).toMatchObject({ width: 320, height: 240 });
    expect(stripMetadata(webpFile(vp8l(1000, 16383)))).toMatchObject({ width: 1000, height: 16383 });
    expect(stripMetadata(webpFile(vp8x(0, 1 << 24, 7), vp8(9, 9)))).toMatchObject({ width: 1 << 24, height: 7 });
  });

  it("passes an already clean WebP through unchanged and drops bytes after the RIFF data", () => {
    const clean = webpFile(vp8x(VP8X_ALPHA, 40, 30), vp8l(40, 30));
    expect(stripMetadata(clean).bytes).toEqual(clean);
    expect(stripMetadata(webpFile(vp8(5, 5))).bytes).toEqual(webpFile(vp8(5, 5)));
    expect(stripMetadata(bytesOf(clean, "trailer")).bytes).toEqual(clean);
  });

  it("throws ImageError for a RIFF size past the end, lying chunk sizes and missing frames", () => {
    const c = webpChunks();
    const file = webpWithMetadata();
    const riffTooLarge = bytesOf(file.subarray(0, 4), [0xff, 0xff, 0, 0], file.subarray(8));
    const chunkTooLarge = webpFile(c.vp8x, bytesOf("VP8L", [0xff, 0xff, 0xff, 0x0f], [0x2f, 0, 0, 0, 0]));
    const noFrame = webpFile(c.vp8x, c.exif);
    const badStartCode = webpFile(riffChunk("VP8 ", bytesOf([0x50, 0x02, 0, 0x9d, 0x01, 0x2b, 5, 0, 5, 0])));
    const badSignature = webpFile(riffChunk("VP8L", bytesOf([0x2e, 0, 0, 0, 0])));
    const noHeader = webpFile(c.iccp, c.image);
    const cases = [riffTooLarge, chunkTooLarge, noFrame, badStartCode, badSignature, noHeader, file.subarray(0, -1)];
    for (const bytes of cases) {
      expect(stripError(bytes)).toBeInstanceOf(ImageError);
    }
  });
});

describe("stripMetadata on damaged input", () => {
  function mutate(bytes: Uint8Array, random: (below: number) => number): Uint8Array {
    const at = random(bytes.length);
    switch (random(5)) {
      case 0:
        return bytes.slice(0, at);
      case 1:
        return withByte(bytes, at, random(256));
      case 2:
        return withByte(bytes, at, [0x00, 0xff, 0x7f, 0x80][random(4)] ?? 0);
      case 3:
        return bytesOf(bytes.subarray(0, at), bytes.subarray(at + 1 + random(16)));
      default:
        return bytesOf(
          bytes.subarray(0, at),
          Array.from({ length: 1 + random(8) }, () => random(256)),
          bytes.subarray(at),
        );
    }
  }

  it("returns a stripped image or throws ImageError, never another error, 2,000 times", () => {
    const random = prng(20260305);
    const fixtures = [jpegWithMetadata(), pngWithMetadata(), webpWithMetadata(), webpFile(vp8(16, 16))];
    const outcomes = { stripped: 0, rejected: 0 };
    for (let i = 0; i < 2000; i++) {
      let bytes: Uint8Array = fixtures[i % fixtures.length] ?? new Uint8Array(0);
      for (let n = 1 + random(3); n > 0; n--) bytes = mutate(bytes, random);
      try {
        const result = stripMetadata(bytes);
        // Stripping again changes nothing: the output is itself well formed and clean.
        expect(stripMetadata(result.bytes), `case ${i}`).toEqual(result);
        outcomes.stripped++;
      } catch (error) {
        expect(error, `case ${i}`).toBeInstanceOf(ImageError);
        outcomes.rejected++;
      }
    }
    expect(outcomes.stripped).toBeGreaterThan(100);
    expect(outcomes.rejected).toBeGreaterThan(100);
  });
});
