import { MAX_PHOTO_BYTES, MAX_PHOTOS } from "../../../src/shared/complaints/schemas";
import type { NewPhoto } from "../../db/complaints/photos";
import type { FileStore } from "../../platform/ports";
import { ImageError, stripMetadata } from "../image-metadata";
import { problem } from "../problem";

/** Larger than any phone photo after the client's downscale: a guard against decompression bombs. */
const MAX_SIDE = 8192;
const CONTENT_TYPES = { jpeg: "image/jpeg", png: "image/png", webp: "image/webp" } as const;

export interface CleanPhoto {
  bytes: Uint8Array;
  contentType: string;
  width: number;
  height: number;
  sha256: string;
}

/** A photo in the file store: what its database row records (see `insertPhoto`). */
export type StoredPhoto = NewPhoto;

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const d = await crypto.subtle.digest("SHA-256", bytes);
  return [...new Uint8Array(d)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * Checks each upload by its bytes (JPEG, PNG or WebP, ≤ 5 MB) and strips its metadata (EXIF GPS,
 * XMP, comments). Throws 422 naming the photo; nothing is stored yet.
 */
export async function cleanPhotos(files: File[]): Promise<CleanPhoto[]> {
  if (files.length > MAX_PHOTOS) {
    throw problem(422, {
      detail: `最多上传 ${MAX_PHOTOS} 张照片。`,
      errors: [{ pointer: "#/photos", detail: `最多 ${MAX_PHOTOS} 张` }],
    });
  }
  return Promise.all(
    files.map(async (file, i) => {
      const bad = (detail: string) =>
        problem(422, { detail: `第 ${i + 1} 张照片：${detail}`, errors: [{ pointer: `#/photos/${i}`, detail }] });
      if (file.size > MAX_PHOTO_BYTES) throw bad("照片不能超过 5 MB");
      if (file.size === 0) throw bad("照片是空文件");
      let clean: ReturnType<typeof stripMetadata>;
      try {
        clean = stripMetadata(new Uint8Array(await file.arrayBuffer()));
      } catch (err) {
        if (err instanceof ImageError) throw bad("只接受 JPEG、PNG 或 WebP 格式的照片");
        throw err;
      }
      if (clean.width > MAX_SIDE || clean.height > MAX_SIDE || clean.width < 1 || clean.height < 1) {
        throw bad("照片尺寸不正确");
      }
      return {
        bytes: clean.bytes,
        contentType: CONTENT_TYPES[clean.format],
        width: clean.width,
        height: clean.height,
        sha256: await sha256Hex(clean.bytes),
      };
    }),
  );
}

/** Puts the cleaned photos in the file store under fresh keys; on any failure removes what it put. */
export async function storePhotos(files: FileStore, photos: CleanPhoto[]): Promise<StoredPhoto[]> {
  const stored: StoredPhoto[] = [];
  try {
    for (const p of photos) {
      const r2Key = `complaints/${crypto.randomUUID()}`;
      await files.put(r2Key, p.bytes, p.contentType);
      stored.push({ r2Key, contentType: p.contentType, bytes: p.bytes.byteLength, width: p.width, height: p.height });
    }
    return stored;
  } catch (err) {
    await files.delete(stored.map((s) => s.r2Key));
    throw err;
  }
}
