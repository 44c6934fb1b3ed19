import { useEffect, useRef } from "react";

interface Props {
  id: string;
  question: string;
  confirmLabel: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * A confirmation in the page, not a pop-up: the question takes focus when it appears, so a screen
 * reader reads it, and Tab reaches the two answers.
 */
export function ConfirmStep({ id, question, confirmLabel, busy, onConfirm, onCancel }: Props) {
  const questionRef = useRef<HTMLLegendElement>(null);
  useEffect(() => questionRef.current?.focus(), []);
  return (
    <fieldset className="confirm" id={id}>
      <legend ref={questionRef} tabIndex={-1}>
        {question}
      </legend>
      <div className="actions">
        <button type="button" className="danger" aria-disabled={busy || undefined} onClick={() => busy || onConfirm()}>
          {busy ? "正在处理…" : confirmLabel}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          取消
        </button>
      </div>
    </fieldset>
  );
}
