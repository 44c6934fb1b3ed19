import { type ChangeEvent, useEffect, useState } from "react";
import { downscale, MAX_PHOTO_SIDE } from "../../lib/complaints/downscale";
import { ApiError, errorMessage } from "../../lib/kit/problem";
import { send } from "../../lib/kit/request";
import type { ServiceId } from "../../shared/appointments/points";
import type { AppointmentStatus, DrawingInfo } from "../../shared/appointments/wire";

const URL_PATH = "/api/appointments/manage/drawing";

/**
 * The booking's design drawing (效果图), uploaded before the visit so the desk can look at it first:
 * shrunk and re-encoded on the phone as the complaint photos are (no location leaves it), then
 * stripped again by the Worker. One per booking; a new one replaces it. The secret goes in the
 * x-manage-token header, so the drawing is fetched and shown from a blob, never linked.
 */
export function DrawingUpload({
  token,
  status,
  service,
}: {
  token: string;
  status: AppointmentStatus;
  service: ServiceId;
}) {
  const [preview, setPreview] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState("");
  const [error, setError] = useState("");
  const open = (status === "booked" || status === "attended") && service !== "inspection";

  // The drawing already uploaded, if any (404 is "none yet", said by nothing).
  useEffect(() => {
    if (!open) return;
    let live = true;
    send(URL_PATH, { headers: { "x-manage-token": token, accept: "image/*" } })
      .then((res) => res.blob())
      .then((blob) => live && setPreview(URL.createObjectURL(blob)))
      .catch((err) => {
        if (live && !(err instanceof ApiError && err.status === 404))
          setError(errorMessage(err, "效果图没有加载成功。"));
      });
    return () => {
      live = false;
    };
  }, [open, token]);

  useEffect(() => () => void (preview && URL.revokeObjectURL(preview)), [preview]);

  if (!open) return null;

  async function pick(e: ChangeEvent<HTMLInputElement>) {
    const input = e.currentTarget;
    const file = input.files?.[0];
    input.value = "";
    if (!file || busy) return;
    setBusy(true);
    setError("");
    setMessage("正在处理效果图…");
    try {
      const small = await downscale(file).catch(() => {
        throw new Error("unreadable");
      });
      const body = new FormData();
      body.append("drawing", new File([small.blob], "drawing.jpg", { type: "image/jpeg" }));
      const res = await send(URL_PATH, { method: "PUT", body, headers: { "x-manage-token": token } });
      const info = (await res.json()) as DrawingInfo;
      setPreview(URL.createObjectURL(small.blob));
      setMessage(`效果图已上传（${info.width} × ${info.height} 像素）。再次选择会替换这一张。`);
    } catch (err) {
      setMessage("");
      setError(
        err instanceof Error && err.message === "unreadable"
          ? "无法读取这个文件，请选择 JPEG、PNG 或 WebP 格式的图片。"
          : errorMessage(err, "效果图没有上传成功，请稍后再试。"),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="drawing-upload" aria-labelledby="drawing-heading">
      <h3 id="drawing-heading">效果图（选填）</h3>
      <p id="drawing-hint">
        可以提前上传一张 A4 效果图（标明设置位置、尺寸、材质和文字，并显示相邻招牌），工作人员会在您来之前先看。
        图片会先在本机缩小到 {MAX_PHOTO_SIDE} 像素以内并去掉拍摄地点等信息再上传；每个预约保留一张，再次上传会替换。
        办理时仍请带上纸质效果图。
      </p>
      {preview && (
        <figure>
          <img src={preview} alt="已上传的效果图" />
          <figcaption>已上传的效果图</figcaption>
        </figure>
      )}
      <div className="field">
        <label htmlFor="drawing">{preview ? "换一张效果图" : "选择效果图"}（JPEG、PNG 或 WebP）</label>
        <input
          id="drawing"
          type="file"
          accept="image/jpeg,image/png,image/webp"
          aria-describedby="drawing-hint"
          aria-busy={busy}
          disabled={busy}
          onChange={pick}
        />
      </div>
      <p role="status" className="muted">
        {message}
      </p>
      <div role="alert">{error && <p className="error-summary">{error}</p>}</div>
    </section>
  );
}
