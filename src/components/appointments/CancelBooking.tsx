import { formatDateTimeZh } from "../../shared/time";
import { TwoStepCancel } from "../forms/TwoStepCancel";

interface Props {
  /** Past the cut-off: cancelling now counts as a late cancel. */
  late: boolean;
  cutoff: string;
  busy: boolean;
  onCancel: () => void;
}

/** Cancel in two steps: the first press asks (saying whether it counts as late), the second cancels. */
export function CancelBooking({ late, cutoff, busy, onCancel }: Props) {
  return (
    <TwoStepCancel
      late={late}
      busy={busy}
      onCancel={onCancel}
      heading="取消预约"
      note={
        late
          ? `已过改期和取消的截止时间（${formatDateTimeZh(cutoff)}），现在取消会记为“截止后取消”。`
          : `${formatDateTimeZh(cutoff)} 前可以取消，名额会留给其他商户。`
      }
      question="确定取消这次预约吗？取消后不能恢复，需要时请重新预约。"
      confirm="确定取消预约"
      ask="取消预约…"
    />
  );
}
