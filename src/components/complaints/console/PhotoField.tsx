import { type ChangeEvent, useState } from "react";
import { downscale, MAX_PHOTO_SIDE } from "../../../lib/complaints/downscale";
import { FieldError } from "../../forms/Field";

interface Props {
  id: string;
  label: string;
  error?: string;
  /** The photo as a data URL, ready for the JSON body; "" when none. */
  value: string;
  onChange: (dataUrl: string) => void;
}

function dataUrlOf(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}

/**
 * One result photo, shrunk in the browser by the filing page's helper (≤ 2048 px, JPEG, no
 * metadata) before it is sent, with a preview and a remove button.
 */
export function PhotoField({ id, label, error, value, onChange }: Props) {
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState("");

  async function pick(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const file = input.files?.[0];
    input.value = "";
    if (!file) return;
    setBusy(true);
    setStatus("正在处理照片…");
    try {
      onChange(await dataUrlOf((await downscale(file)).blob));
      setStatus("已添加照片。");
    } catch {
      setStatus(`无法读取 ${file.name}，请选择 JPEG、PNG 或 WebP 格式的照片。`);
    } finally {
      setBusy(false);
    }
  }

  function remove() {
    onChange("");
    setStatus("已删除照片。");
    // The button is about to go: focus returns to the file input rather than to the page.
    document.getElementById(id)?.focus();
  }

  const described = [error && `${id}-error`, `${id}-hint`].filter(Boolean).join(" ");
  return (
    <div className={error ? "field has-error" : "field"}>
      <label htmlFor={id}>{label}</label>
      <p id={`${id}-hint`} className="hint muted">
        照片会先在本机缩小到 {MAX_PHOTO_SIDE} 像素以内再上传。
      </p>
      <FieldError id={id} error={error} />
      <input
        id={id}
        type="file"
        accept="image/jpeg,image/png,image/webp"
        aria-busy={busy}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        onChange={pick}
      />
      <p role="status" className="muted small-text">
        {status}
      </p>
      {value && (
        <div className="photo-preview">
          <img src={value} alt="处理结果照片的预览" />
          <button type="button" className="secondary" onClick={remove}>
            删除照片
          </button>
        </div>
      )}
    </div>
  );
}
