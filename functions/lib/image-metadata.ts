/**
 * Removes privacy-relevant metadata (Exif with its GPS position, XMP, IPTC, comments, timestamps) from
 * uploaded photos without re-encoding them: whole segments and chunks are dropped, the rest is copied
 * byte for byte, so a decoder draws the same picture. The format is read from the bytes, never from the
 * file name or declared content type, which the uploader controls. Pure, so it runs in workerd and Node.
 */

export type ImageFormat = "jpeg" | "png" | "webp";

export interface StrippedImage {
  format: ImageFormat;
  bytes: Uint8Array;
  width: number;
  height: number;
}

/** Thrown for anything but a well-formed JPEG, PNG or WebP: `message` is for the user, `reason` for the log. */
export class ImageError extends Error {
  override name = "ImageError";
  readonly reason: string;

  constructor(reason: string, message = "图片文件已损坏或格式不受支持") {
    super(message);
    this.reason = reason;
  }
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The format by its magic bytes alone, or null. */
export function sniffImage(bytes: Uint8Array): ImageFormat | null {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpeg";
  if (PNG_SIGNATURE.every((value, i) => bytes[i] === value)) return "png";
  if (hasAscii(bytes, 0, "RIFF") && hasAscii(bytes, 8, "WEBP")) return "webp";
  return null;
}

/**
 * A copy of the image without its metadata, with the pixel size read from the frame header.
 *
 * @example
 * const { format, bytes, width, height } = stripMetadata(new Uint8Array(await file.arrayBuffer()));
 */
export function stripMetadata(bytes: Uint8Array): StrippedImage {
  switch (sniffImage(bytes)) {
    case "jpeg":
      return { format: "jpeg", ...stripJpeg(bytes) };
    case "png":
      return { format: "png", ...stripPng(bytes) };
    case "webp":
      return { format: "webp", ...stripWebp(bytes) };
    default:
      throw new ImageError("not a JPEG, PNG or WebP", "仅支持 JPEG、PNG 或 WebP 格式的图片");
  }
}

interface Stripped {
  bytes: Uint8Array;
  width: number;
  height: number;
}

// JPEG (ITU-T T.81): marker segments, entropy-coded scans, EOI. Kept, and why:
// - every segment that is neither APPn nor COM (DQT, DHT, DRI, SOFn, SOS, …): the decoder needs them;
// - APP0 "JFIF": says the samples are YCbCr; its optional thumbnail is cut, as a thumbnail can still
//   show what was cropped out of the picture;
// - APP2 "ICC_PROFILE": the colour profile; without it wide-gamut photos look washed out;
// - APP14 "Adobe": its transform flag says whether 3- and 4-channel data is YCbCr/YCCK or RGB/CMYK.
// Dropped: COM and every other APPn — Exif with its GPS IFD and thumbnail (APP1), XMP (APP1),
// MPF (APP2), Photoshop/IPTC (APP13), JUMBF/C2PA (APP11) — also between the scans of a progressive JPEG.
// Entropy-coded data is copied unchanged. Bytes after EOI are dropped: phones append secondary
// images there (MPF, each with its own Exif) and motion-photo video.

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
const COM = 0xfe;

function stripJpeg(bytes: Uint8Array): Stripped {
  const view = dataView(bytes);
  const parts: Uint8Array[] = [bytes.subarray(0, 2)];
  let frame: { width: number; height: number } | undefined;
  let inScan = false;
  let at = 2;
  for (;;) {
    if (inScan) {
      const start = at;
      at = nextScanMarker(bytes, view, at);
      if (at > start) parts.push(bytes.subarray(start, at));
    } else {
      if (bytes[at] !== 0xff) fail("JPEG segment does not start with a marker");
      while (bytes[at + 1] === 0xff) at++; // fill bytes, optional before any marker
    }
    need(bytes, at + 2, "JPEG marker");
    const marker = view.getUint8(at + 1);
    if (marker === EOI) {
      if (!inScan) fail("JPEG ends before its first scan");
      parts.push(bytes.subarray(at, at + 2));
      break;
    }
    if (marker === SOI || marker === 0x00) fail("JPEG marker out of place");
    if (marker === 0x01 || isRst(marker)) {
      parts.push(bytes.subarray(at, at + 2));
      at += 2;
      continue;
    }
    need(bytes, at + 4, "JPEG segment length");
    const end = at + 2 + view.getUint16(at + 2);
    if (end < at + 4) fail("JPEG segment length below 2");
    need(bytes, end, "JPEG segment");
    if (isSof(marker) && !frame) frame = readSof(view, at, end);
    if (marker === SOS) {
      if (!frame) fail("JPEG scan before its frame header");
      inScan = true;
    }
    const kept = keptJpegSegment(marker, bytes.subarray(at, end));
    if (kept) parts.push(kept);
    at = end;
  }
  if (!frame) fail("JPEG without a frame header");
  return { bytes: concat(parts), ...frame };
}

function isRst(marker: number): boolean {
  return marker >= 0xd0 && marker <= 0xd7;
}

function isSof(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

/** Inside a scan 0xFF is followed by 0x00 (stuffing), RSTn or fill; anything else is the next marker. */
function nextScanMarker(bytes: Uint8Array, view: DataView, from: number): number {
  let at = from;
  for (;;) {
    at = bytes.indexOf(0xff, at);
    if (at < 0 || at + 1 >= bytes.length) fail("JPEG ends inside a scan, without EOI");
    const next = view.getUint8(at + 1);
    if (next === 0xff) at += 1;
    else if (next === 0x00 || isRst(next)) at += 2;
    else return at;
  }
}

/** SOFn: precision, height, width, component count, then three bytes per component. */
function readSof(view: DataView, at: number, end: number): { width: number; height: number } {
  const components = end - at < 10 ? 0 : view.getUint8(at + 9);
  if (components === 0 || end - at !== 10 + 3 * components) fail("JPEG frame header has a wrong length");
  const height = view.getUint16(at + 5);
  const width = view.getUint16(at + 7);
  // A zero height defers to a DNL marker, which browsers do not support.
  if (width === 0 || height === 0) fail("JPEG frame without a size");
  return { width, height };
}

function keptJpegSegment(marker: number, segment: Uint8Array): Uint8Array | undefined {
  if (marker === COM) return undefined;
  if (marker < 0xe0 || marker > 0xef) return segment;
  if (marker === 0xe0 && hasAscii(segment, 4, "JFIF\0")) return jfifWithoutThumbnail(segment);
  if (marker === 0xe2 && hasAscii(segment, 4, "ICC_PROFILE\0")) return segment;
  if (marker === 0xee && hasAscii(segment, 4, "Adobe")) return segment;
  return undefined;
}

/** APP0 JFIF is 14 bytes ("JFIF\0", version, units, densities, thumbnail size) plus 3×w×h thumbnail bytes. */
function jfifWithoutThumbnail(segment: Uint8Array): Uint8Array | undefined {
  if (segment.length < 18) return undefined;
  if (segment.length === 18 && segment[16] === 0 && segment[17] === 0) return segment;
  const trimmed = segment.slice(0, 18);
  trimmed.set([0, 16], 2);
  trimmed.set([0, 0], 16);
  return trimmed;
}

// PNG (ISO/IEC 15948): signature, then length–type–data–CRC chunks from IHDR to IEND.
// Dropped: eXIf (Exif, may hold GPS), tEXt/zTXt/iTXt (author, software, comments, whole XMP packets)
// and tIME (when it was last changed).
// Kept, byte for byte with their CRCs: the critical chunks the decoder needs (IHDR, PLTE, IDAT, IEND)
// and every other ancillary chunk, as those change how the picture looks — colour (iCCP, sRGB, gAMA,
// cHRM, cICP), transparency (tRNS), density (pHYs), animation (acTL, fcTL, fdAT).
// CRCs are not checked: kept chunks are not changed, and the decoder checks them anyway.
// Bytes after IEND are dropped: a cropped screenshot written over a larger file can leave the old
// pixels there (CVE-2023-21036, "aCropalypse").

const PNG_DROPPED = new Set(["eXIf", "tEXt", "zTXt", "iTXt", "tIME"]);

function stripPng(bytes: Uint8Array): Stripped {
  const view = dataView(bytes);
  const parts: Uint8Array[] = [bytes.subarray(0, 8)];
  let width = 0;
  let height = 0;
  let hasImageData = false;
  let at = 8;
  for (;;) {
    need(bytes, at + 8, "PNG chunk header");
    const length = view.getUint32(at);
    if (length > 0x7fffffff) fail("PNG chunk length above 2^31-1");
    const end = at + 12 + length;
    need(bytes, end, "PNG chunk");
    const type = ascii(bytes, at + 4, 4);
    if (!/^[A-Za-z]{4}$/.test(type)) fail("PNG chunk type is not four letters");
    if (at === 8) {
      if (type !== "IHDR" || length !== 13) fail("PNG does not start with IHDR");
      width = view.getUint32(at + 8);
      height = view.getUint32(at + 12);
      if (width === 0 || height === 0 || width > 0x7fffffff || height > 0x7fffffff) fail("PNG size out of range");
    }
    if (type === "IDAT") hasImageData = true;
    if (!PNG_DROPPED.has(type)) parts.push(bytes.subarray(at, end));
    at = end;
    if (type === "IEND") break;
  }
  if (!hasImageData) fail("PNG without IDAT");
  return { bytes: concat(parts), width, height };
}

// WebP (RFC 9649): a RIFF container of chunks, each padded to an even length.
// Dropped: EXIF and "XMP ", and the VP8X flags announcing them are cleared so no reader looks for them.
// Kept: VP8X (canvas size, feature flags), VP8/VP8L (the bitstream), ALPH (transparency), ICCP (colour
// profile), ANIM/ANMF (animation), and unknown chunks, which the format tells muxers to keep.
// Bytes after the RIFF size are dropped like PNG's after IEND.

const VP8X_EXIF = 0x08;
const VP8X_XMP = 0x04;

function stripWebp(bytes: Uint8Array): Stripped {
  const view = dataView(bytes);
  need(bytes, 12, "RIFF header");
  const riffEnd = 8 + view.getUint32(4, true);
  need(bytes, riffEnd, "RIFF data");
  const parts: Uint8Array[] = [bytes.slice(0, 12)];
  let canvas: { width: number; height: number } | undefined;
  let hasBitstream = false;
  let at = 12;
  while (at < riffEnd) {
    if (at + 8 > riffEnd) fail("WebP chunk header runs past the RIFF size");
    const fourcc = ascii(bytes, at, 4);
    const length = view.getUint32(at + 4, true);
    const end = at + 8 + length + (length & 1);
    if (end > riffEnd) fail("WebP chunk runs past the RIFF size");
    const payload = bytes.subarray(at + 8, at + 8 + length);
    const chunk = bytes.subarray(at, end);
    if (at === 12 && fourcc !== "VP8X" && fourcc !== "VP8 " && fourcc !== "VP8L") fail("WebP without a header chunk");
    switch (fourcc) {
      case "VP8X": {
        if (at !== 12) fail("WebP VP8X is not the first chunk");
        const header = readVp8x(payload);
        canvas = header;
        const cleared = chunk.slice();
        cleared[8] = header.flags & ~(VP8X_EXIF | VP8X_XMP);
        parts.push(cleared);
        break;
      }
      case "VP8 ":
      case "VP8L": {
        const frame = fourcc === "VP8 " ? readVp8(payload) : readVp8l(payload);
        canvas ??= frame;
        hasBitstream = true;
        parts.push(chunk);
        break;
      }
      case "EXIF":
      case "XMP ":
        break;
      default:
        if (fourcc === "ANMF") hasBitstream = true;
        parts.push(chunk);
    }
    at = end;
  }
  if (!canvas || !hasBitstream) fail("WebP without an image");
  const out = concat(parts);
  dataView(out).setUint32(4, out.length - 8, true);
  return { bytes: out, width: canvas.width, height: canvas.height };
}

/** VP8X: flags, three reserved bytes, then canvas width−1 and height−1 as 24-bit little-endian. */
function readVp8x(payload: Uint8Array): { width: number; height: number; flags: number } {
  if (payload.length < 10) fail("WebP VP8X too short");
  const view = dataView(payload);
  const u24 = (at: number) => view.getUint16(at, true) + (view.getUint8(at + 2) << 16);
  return { flags: view.getUint8(0), width: u24(4) + 1, height: u24(7) + 1 };
}

/** VP8 key frame: 3-byte frame tag, start code 9D 01 2A, then 14-bit width and height (2 bits of scale). */
function readVp8(payload: Uint8Array): { width: number; height: number } {
  if (payload.length < 10) fail("WebP VP8 frame too short");
  const view = dataView(payload);
  if ((view.getUint8(0) & 1) !== 0) fail("WebP VP8 frame is not a key frame");
  if (view.getUint8(3) !== 0x9d || view.getUint8(4) !== 0x01 || view.getUint8(5) !== 0x2a) fail("no VP8 start code");
  const width = view.getUint16(6, true) & 0x3fff;
  const height = view.getUint16(8, true) & 0x3fff;
  if (width === 0 || height === 0) fail("WebP VP8 frame without a size");
  return { width, height };
}

/** VP8L: signature 0x2F, then 14 bits width−1, 14 bits height−1, 1 bit alpha, 3 bits version (0). */
function readVp8l(payload: Uint8Array): { width: number; height: number } {
  if (payload.length < 5 || payload[0] !== 0x2f) fail("WebP VP8L without its signature");
  const bits = dataView(payload).getUint32(1, true);
  if (bits >>> 29 !== 0) fail("WebP VP8L of an unknown version");
  return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
}

function fail(reason: string): never {
  throw new ImageError(reason);
}

/** A length pointing past the end is a corrupt file, reported as such rather than as a RangeError. */
function need(bytes: Uint8Array, end: number, what: string): void {
  if (end > bytes.length) fail(`${what} runs past the end of the file`);
}

function dataView(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function hasAscii(bytes: Uint8Array, at: number, text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (bytes[at + i] !== text.charCodeAt(i)) return false;
  }
  return true;
}

function ascii(bytes: Uint8Array, at: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(at, at + length));
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
