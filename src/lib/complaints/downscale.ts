/** The longest side a photo keeps: plenty for a case, and a phone photo shrinks to well under 5 MB. */
export const MAX_PHOTO_SIDE = 2048;

export interface Downscaled {
  blob: Blob;
  width: number;
  height: number;
}

/**
 * Decodes a photo upright (EXIF orientation applied), scales it to at most MAX_PHOTO_SIDE and
 * re-encodes it as JPEG. A canvas keeps no metadata, so the location the camera wrote is gone
 * before the photo leaves the phone (the server strips it again).
 */
export async function downscale(file: Blob): Promise<Downscaled> {
  const bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
  const scale = Math.min(1, MAX_PHOTO_SIDE / Math.max(bitmap.width, bitmap.height));
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("no 2d canvas");
  ctx.imageSmoothingQuality = "high";
  ctx.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/jpeg", 0.85));
  if (!blob) throw new Error("JPEG encoding failed");
  return { blob, width, height };
}
