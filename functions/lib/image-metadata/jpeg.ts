import { concat, dataView, fail, hasAscii, need, type Stripped } from "./bytes";

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

export function stripJpeg(bytes: Uint8Array): Stripped {
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
