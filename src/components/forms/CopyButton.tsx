import { useState } from "react";

/** Copies a text to the clipboard and says so; when the browser refuses, says how to copy by hand. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [status, setStatus] = useState("");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus("已复制。");
    } catch {
      setStatus("无法自动复制，请长按或选中上面的链接手动复制。");
    }
  };
  return (
    <div className="actions">
      <button type="button" className="secondary" onClick={copy}>
        {label}
      </button>
      <span role="status">{status}</span>
    </div>
  );
}
