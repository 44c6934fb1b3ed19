import type { FileStore } from "../../platform/ports";
import { problem } from "../problem";

/** The complaint and its photos from a JSON body, or from multipart (field "complaint" + files "photos"). */
export async function readSubmission(req: Request): Promise<{ input: unknown; files: File[] }> {
  const type = (req.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
  if (type === "application/json") {
    try {
      return { input: await req.json(), files: [] };
    } catch {
      throw problem(400, { detail: "请求体不是有效的 JSON。" });
    }
  }
  if (type === "multipart/form-data") {
    let form: FormData;
    try {
      form = await req.formData();
    } catch {
      throw problem(400, { detail: "无法解析上传的表单。" });
    }
    const json = form.get("complaint");
    if (typeof json !== "string") throw problem(422, { errors: [{ pointer: "#/complaint", detail: "缺少投诉内容" }] });
    let input: unknown;
    try {
      input = JSON.parse(json);
    } catch {
      throw problem(422, { errors: [{ pointer: "#/complaint", detail: "投诉内容不是有效的 JSON" }] });
    }
    const photos = form.getAll("photos");
    if (photos.some((p) => typeof p === "string"))
      throw problem(422, { errors: [{ pointer: "#/photos", detail: "照片须为文件" }] });
    return { input, files: photos as File[] };
  }
  throw problem(415, { detail: "请以 application/json 或 multipart/form-data 提交。" });
}

/** A stored photo as its own response, sandboxed, never sniffed. */
export async function servePhoto(files: FileStore, key: string, cacheControl: string): Promise<Response> {
  const file = await files.get(key);
  if (!file) throw problem(404, { detail: "照片不存在。" });
  return new Response(file.body, {
    headers: {
      "content-type": file.contentType,
      "cache-control": cacheControl,
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
    },
  });
}
