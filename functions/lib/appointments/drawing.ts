import type { DrawingInfo } from "../../../src/shared/appointments/wire";
import { MAX_PHOTO_BYTES } from "../../../src/shared/complaints/filing-schema";
import type { Appointment } from "../../db/appointments/index";
import type { FileStore } from "../../platform/ports";
import { ImageError, stripMetadata } from "../image-metadata";
import { problem } from "../problem";

// The design drawing (效果图) a merchant may upload before the visit, under the complaint photos'
// rules: JPEG, PNG or WebP judged by the bytes, at most 5 MB, EXIF/XMP/comments stripped before it
// is stored (functions/lib/image-metadata). One drawing per booking, at a key derived from the
// booking's id, so no table records it: a new upload replaces the old one.

/** Larger than any drawing a phone or scanner makes: a guard against decompression bombs (as the photos'). */
const MAX_SIDE = 8192;
const CONTENT_TYPES = { jpeg: "image/jpeg", png: "image/png", webp: "image/webp" } as const;

/** Where a booking's drawing lives in the file store. */
export const drawingKey = (appointmentId: number) => `appointments/${appointmentId}/drawing`;

/** A booking the merchant may still attach a drawing to: not cancelled and not missed. */
export function assertDrawingAllowed(booking: Pick<Appointment, "status">) {
  if (booking.status !== "booked" && booking.status !== "attended") {
    throw problem(409, { detail: "这个预约已取消或已过期，不能再上传效果图。" });
  }
}

/** The one file of a multipart body's `drawing` field; 415 for any other body, 422 without the file. */
export async function readDrawing(req: Request): Promise<File> {
  const type = (req.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
  if (type !== "multipart/form-data") throw problem(415, { detail: "效果图请以 multipart/form-data 上传。" });
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    throw problem(400, { detail: "无法解析上传的表单。" });
  }
  const files = form.getAll("drawing");
  const file = files[0];
  if (files.length !== 1 || typeof file === "string" || file === undefined) {
    throw problem(422, {
      detail: "请选择一张效果图。",
      errors: [{ pointer: "#/drawing", detail: "请选择一张效果图" }],
    });
  }
  return file;
}

/** Checks the drawing by its bytes and stores it without its metadata, replacing any earlier one. */
export async function storeDrawing(files: FileStore, appointmentId: number, file: File): Promise<DrawingInfo> {
  const bad = (detail: string) =>
    problem(422, { detail: `效果图：${detail}`, errors: [{ pointer: "#/drawing", detail }] });
  if (file.size > MAX_PHOTO_BYTES) throw problem(413, { detail: "效果图不能超过 5 MB。" });
  if (file.size === 0) throw bad("文件是空的");
  let clean: ReturnType<typeof stripMetadata>;
  try {
    clean = stripMetadata(new Uint8Array(await file.arrayBuffer()));
  } catch (err) {
    if (err instanceof ImageError) throw bad("只接受 JPEG、PNG 或 WebP 格式的图片");
    throw err;
  }
  if (clean.width > MAX_SIDE || clean.height > MAX_SIDE || clean.width < 1 || clean.height < 1) {
    throw bad("图片尺寸不正确");
  }
  const contentType = CONTENT_TYPES[clean.format];
  await files.put(drawingKey(appointmentId), clean.bytes, contentType);
  return { contentType, bytes: clean.bytes.byteLength, width: clean.width, height: clean.height };
}
