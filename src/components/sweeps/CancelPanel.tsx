import { formatDateTimeZh } from "../../shared/time";
import { TwoStepCancel } from "../forms/TwoStepCancel";

interface Props {
  /** Cancelling now counts as a late cancel. */
  late: boolean;
  cutoff: string;
  busy: boolean;
  onCancel: () => void;
}

/** Cancel in two steps: the first press asks, saying whether it counts as a late cancel; the second cancels. */
export function CancelPanel({ late, cutoff, busy, onCancel }: Props) {
  return (
    <TwoStepCancel
      late={late}
      busy={busy}
      onCancel={onCancel}
      heading="取消报名"
      note={
        late
          ? `已过取消截止时间（${formatDateTimeZh(cutoff)}），现在取消会记为“截止后取消”。`
          : `${formatDateTimeZh(cutoff)} 前取消不受影响，之后取消会记为“截止后取消”。`
      }
      question="确定取消这次报名吗？取消后名额会给候补的人，不能恢复。"
      questionId="cancel-question"
      confirm="确定取消"
      ask="取消报名…"
    />
  );
}
