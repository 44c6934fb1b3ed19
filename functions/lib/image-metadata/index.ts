/**
 * Removes privacy-relevant metadata (Exif with its GPS position, XMP, IPTC, comments, timestamps) from
 * uploaded photos without re-encoding them: whole segments and chunks are dropped, the rest is copied
 * byte for byte, so a decoder draws the same picture. The format is read from the bytes, never from the
 * file name or declared content type, which the uploader controls. Pure, so it runs in workerd and Node.
 */

import { hasAscii } from "./bytes";
import { ImageError } from "./error";
import { stripJpeg } from "./jpeg";
import { stripPng } from "./png";
import { stripWebp } from "./webp";

export { ImageError };

export type ImageFormat = "jpeg" | "png" | "webp";

export interface StrippedImage {
  format: ImageFormat;
  bytes: Uint8Array;
  width: number;
  height: number;
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
