import { deadlineVerdict } from "../../../lib/complaints/console";
import { formatChinaMinute } from "../../../shared/time";

interface Props {
  due: string;
  /** When the step the deadline is for was done, if it was. */
  doneAt: string | null;
  /** Whether this deadline's clock runs in the case's state. */
  running: boolean;
  now: number;
}

/** A deadline and its verdict: met, missed (by how much), the live clock, or stopped. */
export function DeadlineFact({ due, doneAt, running, now }: Props) {
  const verdict = deadlineVerdict(due, doneAt, running, now);
  const tone = verdict.kind === "missed" || verdict.kind === "late" ? "late" : verdict.kind === "met" ? "met" : "";
  return (
    <>
      <time dateTime={due}>{formatChinaMinute(due)}</time> 前 ·{" "}
      <span className={`verdict ${tone}`}>{verdict.text}</span>
    </>
  );
}
