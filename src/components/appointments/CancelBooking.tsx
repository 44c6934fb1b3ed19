import { useState } from "react";
import { formatDateTimeZh } from "../../shared/time";
import { useFocusLater } from "../forms/useFocusLater";

interface Props {
  /** Past the cut-off: cancelling now counts as a late cancel. */
  late: boolean;
  cutoff: string;
  busy: boolean;
  onCancel: () => void;
}

/** Cancel in two steps: the first press asks (saying whether it counts as late), the second cancels. */
export function CancelBooking({ late, cutoff, busy, onCancel }: Props) {
  const [asking, setAsking] = useState(false);
  const focus = useFocusLater();
  return (
    <section aria-labelledby="cancel-heading">
      <h3 id="cancel-heading">取消预约</h3>
      <p>
        {late
          ? `已过改期和取消的截止时间（${formatDateTimeZh(cutoff)}），现在取消会记为“截止后取消”。`
          : `${formatDateTimeZh(cutoff)} 前可以取消，名额会留给其他商户。`}
      </p>
      {asking ? (
        <div className="confirm-box" id="cancel-confirm" tabIndex={-1}>
          <p>确定取消这次预约吗？取消后不能恢复，需要时请重新预约。</p>
          <div className="actions">
            <button type="button" aria-disabled={busy || undefined} onClick={onCancel}>
              {late ? "确定取消（记为截止后取消）" : "确定取消预约"}
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
            取消预约…
          </button>
        </p>
      )}
    </section>
  );
}
