import { entryState } from "../../lib/sweeps/lead";
import type { DayAction } from "../../lib/sweeps/lead-api";
import type { LeaderRosterEntry } from "../../shared/sweeps/wire";

interface Props {
  entries: LeaderRosterEntry[];
  /** The sweep has begun: not-yet-arrived people may be marked as not come. */
  started: boolean;
  /** Hours approved: the roster is read-only. */
  locked: boolean;
  busy: boolean;
  onAct: (action: DayAction, entry: LeaderRosterEntry) => void;
}

/** The roll: a row per confirmed person with the one or two steps that fit their state, big enough to tap. */
export function LeaderRosterList({ entries, started, locked, busy, onAct }: Props) {
  if (entries.length === 0) return <p>没有找到相符的志愿者。</p>;
  return (
    <ul className="roster">
      {entries.map((e) => {
        const button = (action: DayAction, label: string, secondary = false) => (
          <button
            type="button"
            className={secondary ? "secondary" : undefined}
            aria-disabled={busy || undefined}
            aria-label={`${label}：${e.name}`}
            onClick={() => onAct(action, e)}
          >
            {label}
          </button>
        );
        return (
          <li key={e.id}>
            <div className="who">
              <span className="name">{e.name}</span>
              <span className="state">{entryState(e)}</span>
              {e.walkIn && <span className="badge">现场报名</span>}
              {e.guardianPresentNeeded && <span className="badge">须监护人陪同</span>}
            </div>
            <p className="muted">
              {e.organisation || "—"} · {e.phone}
            </p>
            {!locked && (
              <div className="row-actions">
                {e.checkedInAt === null && button("checkin", "签到")}
                {e.checkedInAt !== null && e.checkedOutAt === null && button("checkout", "签退")}
                {started && e.checkedInAt === null && e.attendance === null && button("no-show", "未到场", true)}
                {e.attendance !== null && button("undo", "撤销", true)}
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
