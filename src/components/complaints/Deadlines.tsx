import type { Deadline, TrackingView } from "../../shared/complaints/wire";
import { formatDateTimeZh } from "../../shared/time";

function verdict(d: Deadline): { text: string; tone: "ok" | "bad" | "" } {
  if (d.met === true) return { text: `按时完成（${formatDateTimeZh(d.doneAt ?? d.due)}）`, tone: "ok" };
  if (d.met === false) return { text: `已完成，但超过时限（${formatDateTimeZh(d.doneAt ?? d.due)}）`, tone: "bad" };
  if (d.overdue) return { text: "已超过时限，尚未完成", tone: "bad" };
  return { text: "进行中", tone: "" };
}

const ROWS = [
  { key: "accept", label: "受理立案", pending: "—" },
  { key: "handle", label: "处置", pending: "派遣给处置单位后开始计算" },
] as const;

/** Each time limit of the case, and whether it was met, is running or has passed. */
export function Deadlines({ deadlines }: { deadlines: TrackingView["deadlines"] }) {
  return (
    <section aria-labelledby="deadlines-heading">
      <h3 id="deadlines-heading">办理时限</h3>
      <ul className="deadlines">
        {ROWS.map(({ key, label, pending }) => {
          const d = deadlines[key];
          const v = d && verdict(d);
          return (
            <li key={key}>
              <strong>{label}：</strong>
              {d && v ? (
                <>
                  {formatDateTimeZh(d.due)} 前 · <span className={v.tone}>{v.text}</span>
                </>
              ) : (
                pending
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
