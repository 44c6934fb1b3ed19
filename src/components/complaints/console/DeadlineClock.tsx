import { deadlineClock } from "../../../lib/complaints/console";

/** "剩余 12 分钟" or, in the alarm colour, "已超时 5 分钟". Not a live region: it would talk every minute. */
export function DeadlineClock({ due, now }: { due: string; now: number }) {
  const { text, late } = deadlineClock(due, now);
  return <span className={late ? "clock late" : "clock"}>{text}</span>;
}
