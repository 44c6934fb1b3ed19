import { timelineVisibility, type Visibility } from "../../../lib/complaints/console";
import type { TimelineItem } from "../../../shared/complaints/console-wire";
import { formatChinaTime } from "../../../shared/time";

function VisibilityTag({ v }: { v: Visibility }) {
  return <span className={v === "公开" ? "tag public" : "tag internal"}>{v}</span>;
}

/**
 * Everything that happened to the case, oldest first. Each step is marked 公开 or 内部 as the
 * reporter's tracking page has it, and a note that stays internal on a public step is marked on its own.
 */
export function CaseTimeline({ entries }: { entries: TimelineItem[] }) {
  return (
    <section aria-labelledby="timeline-heading">
      <h3 id="timeline-heading">办理过程（北京时间，最早的在前）</h3>
      <ol className="case-timeline">
        {entries.map((e) => {
          const seen = timelineVisibility(e);
          return (
            <li key={e.id}>
              <p className="timeline-head">
                <time dateTime={e.at}>{formatChinaTime(e.at)}</time> <strong>{e.label}</strong>{" "}
                <VisibilityTag v={seen.step} />
              </p>
              <p>
                {e.actor}
                {e.unitName && ` · ${e.unitName}`} · 状态：{e.stateLabel}
              </p>
              {e.note && (
                <p className={seen.note === "内部" ? "timeline-note internal" : "timeline-note"}>
                  {seen.note && seen.note !== seen.step && (
                    <>
                      <VisibilityTag v={seen.note} /> 说明仅工作人员可见：
                    </>
                  )}
                  {e.note}
                </p>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
