import { useState } from "react";
import { formatDateTimeZh } from "../../shared/time";
import { useFocusLater } from "../forms/useFocusLater";

interface Props {
  /** Cancelling now counts as a late cancel. */
  late: boolean;
  cutoff: string;
  busy: boolean;
  onCancel: () => void;
}

/** Cancel in two steps: the first press asks, saying whether it counts as a late cancel; the second cancels. */
export function CancelPanel({ late, cutoff, busy, onCancel }: Props) {
  const [asking, setAsking] = useState(false);
  const focus = useFocusLater();
  return (
    <section aria-labelledby="cancel-heading">
      <h3 id="cancel-heading">取消报名</h3>
      <p>
        {late
          ? `已过取消截止时间（${formatDateTimeZh(cutoff)}），现在取消会记为“截止后取消”。`
          : `${formatDateTimeZh(cutoff)} 前取消不受影响，之后取消会记为“截止后取消”。`}
      </p>
      {asking ? (
        <div className="confirm-box" id="cancel-confirm" tabIndex={-1}>
          <p id="cancel-question">确定取消这次报名吗？取消后名额会给候补的人，不能恢复。</p>
          <div className="actions">
            <button type="button" aria-disabled={busy || undefined} onClick={onCancel}>
              {late ? "确定取消（记为截止后取消）" : "确定取消"}
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
            取消报名…
          </button>
        </p>
      )}
    </section>
  );
}
