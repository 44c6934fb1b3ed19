import { ascii, concat, dataView, fail, need, type Stripped } from "./bytes";

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

export function stripPng(bytes: Uint8Array): Stripped {
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
