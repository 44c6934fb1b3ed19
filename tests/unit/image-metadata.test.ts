import { describe, expect, it } from "vitest";
import { ImageError, sniffImage, stripMetadata } from "../../functions/lib/image-metadata";
import { expectNoSecrets, prng, stripError } from "./fixtures/image-checks";
import {
  bytesOf,
  jpegClean,
  jpegSegment,
  jpegSegments,
  jpegSof,
  jpegWithMetadata,
  listJpegSegments,
  PNG_SIGNATURE,
  pngWithMetadata,
  webpWithMetadata,
} from "./fixtures/images";

// Metadata stripping, part 1: recognising a format, and JPEG. PNG and WebP: image-metadata-png-webp.test.ts.

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
