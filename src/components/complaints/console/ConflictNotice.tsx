import { useState } from "react";

interface Props {
  id: string;
  /** The refusal to show; null when there is none. */
  message: string | null;
  onReload: () => Promise<void>;
}

/**
 * Someone else changed the case since it was read (409): say so, and offer to read it again. The
 * alert region stays in the page so that the message is announced when it appears.
 */
export function ConflictNotice({ id, message, onReload }: Props) {
  const [busy, setBusy] = useState(false);
  async function reload() {
    if (busy) return;
    setBusy(true);
    try {
      await onReload();
    } finally {
      setBusy(false);
    }
  }
  return (
    <div role="alert" className="alert-region">
      {message && (
        <div id={id} className="error-summary conflict" tabIndex={-1}>
          <p>{message}</p>
          <button type="button" aria-disabled={busy || undefined} onClick={reload}>
            {busy ? "正在重新加载…" : "重新加载"}
          </button>
        </div>
      )}
    </div>
  );
}
