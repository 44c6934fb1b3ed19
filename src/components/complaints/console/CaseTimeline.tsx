import type { TimelineItem } from "../../../shared/complaints/console-wire";
import { formatChinaTime } from "../../../shared/time";

/** Everything that happened to the case, oldest first, each step marked as seen by the public or internal. */
export function CaseTimeline({ entries }: { entries: TimelineItem[] }) {
  return (
    <section aria-labelledby="timeline-heading">
      <h3 id="timeline-heading">办理过程（北京时间，最早的在前）</h3>
      <ol className="case-timeline">
        {entries.map((e) => (
          <li key={e.id}>
            <p className="timeline-head">
              <time dateTime={e.at}>{formatChinaTime(e.at)}</time> <strong>{e.label}</strong>{" "}
              <span className={e.isPublic ? "tag public" : "tag internal"}>{e.isPublic ? "公开" : "内部"}</span>
            </p>
            <p>
              {e.actor}
              {e.unitName && ` · ${e.unitName}`} · 状态：{e.stateLabel}
            </p>
            {e.note && (
              <p className="timeline-note">
                {e.note}
                {e.isPublic && !e.notePublic && <span className="muted">（此说明仅内部可见）</span>}
              </p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
