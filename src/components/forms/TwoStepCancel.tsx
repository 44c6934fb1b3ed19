import { useState } from "react";
import { useFocusLater } from "./useFocusLater";

interface Props {
  /** Cancelling now counts as a late cancel. */
  late: boolean;
  busy: boolean;
  onCancel: () => void;
  /** The feature's words: the heading, the line under it, the question, and the two buttons' labels. */
  heading: string;
  note: string;
  question: string;
  /** The question's id, where the page points at it. */
  questionId?: string;
  confirm: string;
  ask: string;
}

/**
 * Cancel in two steps (a sweep's signup, an appointment): the first press asks, saying whether it
 * counts as a late cancel; the second cancels. Focus follows the step shown.
 */
export function TwoStepCancel({ late, busy, onCancel, heading, note, question, questionId, confirm, ask }: Props) {
  const [asking, setAsking] = useState(false);
  const focus = useFocusLater();
  return (
    <section aria-labelledby="cancel-heading">
      <h3 id="cancel-heading">{heading}</h3>
      <p>{note}</p>
      {asking ? (
        <div className="confirm-box" id="cancel-confirm" tabIndex={-1}>
          <p id={questionId}>{question}</p>
          <div className="actions">
            <button type="button" aria-disabled={busy || undefined} onClick={onCancel}>
              {late ? "确定取消（记为截止后取消）" : confirm}
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setAsking(false);
                focus("cancel-ask");
              }}
            >
              不取消
            </button>
          </div>
        </div>
      ) : (
        <p>
          <button
            type="button"
            id="cancel-ask"
            className="secondary"
            onClick={() => {
              setAsking(true);
              focus("cancel-confirm");
            }}
          >
            {ask}
          </button>
        </p>
      )}
    </section>
  );
}
