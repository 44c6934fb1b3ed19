import { type ChangeEvent, useState } from "react";
import { type Downscaled, downscale, MAX_PHOTO_SIDE } from "../../lib/complaints/downscale";
import { MAX_PHOTOS } from "../../shared/complaints/filing-schema";
import { FieldError } from "../forms/Field";
import type { PhotoItem } from "./useDraft";

interface Props {
  photos: PhotoItem[];
  error?: string;
  onAdd: (photo: Downscaled) => Promise<void>;
  onRemove: (id: string) => void;
}

/** Up to three photos, shrunk on the phone before upload, each with a preview and a remove button. */
export function PhotoPicker({ photos, error, onAdd, onRemove }: Props) {
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState("");
  const full = photos.length >= MAX_PHOTOS;

  const pick = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const files = [...(input.files ?? [])];
    input.value = "";
    const room = MAX_PHOTOS - photos.length;
    setBusy(true);
    setStatus("正在处理照片…");
    const failed: string[] = [];
    for (const file of files.slice(0, room)) {
      try {
        await onAdd(await downscale(file));
      } catch {
        failed.push(file.name);
      }
    }
    setBusy(false);
    const added = Math.min(files.length, room) - failed.length;
    setStatus(
      [
        added > 0 && `已添加 ${added} 张照片。`,
        failed.length > 0 && `无法读取 ${failed.join("、")}，请选择 JPEG、PNG 或 WebP 格式的照片。`,
        files.length > room && `最多 ${MAX_PHOTOS} 张，多出的照片没有添加。`,
      ]
        .filter(Boolean)
        .join(""),
    );
  };

  const remove = (id: string, n: number) => {
    onRemove(id);
    setStatus(`已删除第 ${n} 张照片。`);
    // The button is about to go: focus returns to the file input rather than to the page.
    document.getElementById("photos")?.focus();
  };

  return (
    <div className={error ? "field has-error" : "field"}>
      <label htmlFor="photos">照片（选填，最多 {MAX_PHOTOS} 张）</label>
      <p id="photos-hint" className="hint muted">
        {full
          ? `已添加 ${MAX_PHOTOS} 张；要换照片，请先删除一张。`
          : `照片会先在本机缩小到 ${MAX_PHOTO_SIDE} 像素以内，并去掉拍摄地点等信息再上传。`}
      </p>
      <FieldError id="photos" error={error} />
      <input
        id="photos"
        type="file"
        accept="image/*"
        multiple
        aria-busy={busy}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "photos-error photos-hint" : "photos-hint"}
        onChange={pick}
      />
      <p role="status" className="muted">
        {status}
      </p>
      {photos.length > 0 && (
        <ul className="photo-list" aria-label="已添加的照片">
          {photos.map((p, i) => (
            <li key={p.id}>
              <img src={p.url} alt={`第 ${i + 1} 张照片的预览`} width={p.width} height={p.height} />
              <button type="button" className="secondary" onClick={() => remove(p.id, i + 1)}>
                删除第 {i + 1} 张照片
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
