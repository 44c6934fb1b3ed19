import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { ImageError, stripMetadata } from "../../functions/lib/image-metadata";
import { expectNoSecrets, stripError } from "./fixtures/image-checks";
import {
  bytesOf,
  crc32,
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

// Metadata stripping, part 2: PNG and WebP. Recognising a format, and JPEG: image-metadata.test.ts.

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
