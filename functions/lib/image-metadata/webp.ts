import { ascii, concat, dataView, fail, need, type Stripped } from "./bytes";

// WebP (RFC 9649): a RIFF container of chunks, each padded to an even length.
// Dropped: EXIF and "XMP ", and the VP8X flags announcing them are cleared so no reader looks for them.
// Kept: VP8X (canvas size, feature flags), VP8/VP8L (the bitstream), ALPH (transparency), ICCP (colour
// profile), ANIM/ANMF (animation), and unknown chunks, which the format tells muxers to keep.
// Bytes after the RIFF size are dropped like PNG's after IEND.

const VP8X_EXIF = 0x08;
const VP8X_XMP = 0x04;

export function stripWebp(bytes: Uint8Array): Stripped {
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
