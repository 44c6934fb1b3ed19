import type { TimelineEntry } from "../../shared/complaints/wire";
import { formatDateTimeZh } from "../../shared/time";

/** What happened to the case, oldest first, with the unit and any public reply. */
export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  return (
    <section aria-labelledby="timeline-heading">
      <h3 id="timeline-heading">办理过程</h3>
      <ol className="timeline">
        {entries.map((e) => (
          <li key={`${e.at}-${e.action}`}>
            <time dateTime={e.at}>{formatDateTimeZh(e.at)}</time>
            <p>
              <strong>{e.label}</strong>
              {e.unitName && ` · ${e.unitName}`}
            </p>
            <p className="muted">状态：{e.stateLabel}</p>
            {e.note && <p className="reply">答复：{e.note}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
