import { useState } from "react";
import { clockRange, stepsFor } from "../../../lib/appointments/staff-desk";
import type { DeskAction } from "../../../lib/appointments/staff-desk-api";
import type { DeskDay, DeskEntry, DeskStepResult } from "../../../shared/appointments/wire";
import { formatChinaTime } from "../../../shared/time";
import { useFocusLater } from "../../forms/useFocusLater";
import { DeskNoteForm, noteFieldId } from "./DeskNoteForm";

const LABELS: Record<DeskAction, string> = { "check-in": "签到", "no-show": "未到", undo: "撤销" };

interface Props {
  entries: DeskEntry[];
  day: DeskDay;
  /** The inspection team's list: the window and the shop's address lead. */
  visits?: boolean;
  busy: boolean;
  onAct: (action: DeskAction, entry: DeskEntry) => void;
  saveNote: (entry: DeskEntry, note: string, previous: string | null) => Promise<DeskStepResult>;
  onNoted: (message: string) => void;
  /** While a note is being written the page does not refresh itself under the clerk's fingers. */
  onEditing: (editing: boolean) => void;
}

/** The day's bookings in order, a row each with the steps that fit it, big enough to tap on a tablet. */
export function DeskList({ entries, day, visits = false, busy, onAct, saveNote, onNoted, onEditing }: Props) {
  const [editing, setEditing] = useState<number | null>(null);
  const focusLater = useFocusLater();
  // The 备注 button gives way to the form and comes back when it closes: focus goes into the form
  // and back to the button, not to the page's top, where a keyboard user would have to start over.
  const edit = (id: number | null) => {
    if (id !== null) focusLater(noteFieldId(id));
    else if (editing !== null) focusLater(`note-open-${editing}`);
    setEditing(id);
    onEditing(id !== null);
  };
  if (entries.length === 0) return <p>{visits ? "这一天没有现场查看。" : "这一天没有预约。"}</p>;
  return (
    <ol className="desk-list">
      {entries.map((e) => {
        const when = visits ? (e.windowName ?? clockRange(e.start, e.end)) : clockRange(e.start, e.end);
        const closed = e.status === "cancelled" || e.status === "late_cancelled";
        return (
          <li key={e.id} className={`desk-row status-${e.status}`}>
            <div className="desk-when">
              <span className="desk-time">{when}</span>
              <span className="desk-service">{e.serviceName}</span>
            </div>
            <div className="desk-who">
              <p className="desk-name">
                <span className="name">{e.name}</span>
                <span className="desk-state">{e.statusLabel}</span>
                {e.walkIn && <span className="badge">现场登记</span>}
              </p>
              <p>
                {e.shopName} · <a href={`tel:${e.phone}`}>{e.phone}</a> · 预约号{" "}
                <span className="mono">{e.bookingNumber}</span>
                {e.applicationNumber && <> · 申请编号 {e.applicationNumber}</>}
              </p>
              {visits && <p className="desk-address">地址：{e.shopAddress}</p>}
              {e.checkedInAt && <p className="muted">签到时间 {formatChinaTime(e.checkedInAt).slice(11, 16)}</p>}
              {e.note && editing !== e.id && <p className="desk-note-text">备注：{e.note}</p>}
              {editing === e.id && (
                <DeskNoteForm
                  entry={e}
                  save={(note, previous) => saveNote(e, note, previous)}
                  onDone={(message) => {
                    edit(null);
                    onNoted(message);
                  }}
                  onCancel={() => edit(null)}
                />
              )}
            </div>
            {day.canAct && !closed && (
              <div className="row-actions">
                {stepsFor(e, day).map((action) => (
                  <button
                    key={action}
                    type="button"
                    className={action === "check-in" ? undefined : "secondary"}
                    aria-disabled={busy || undefined}
                    aria-label={`${LABELS[action]}：${e.name}`}
                    onClick={() => onAct(action, e)}
                  >
                    {LABELS[action]}
                  </button>
                ))}
                {editing !== e.id && (
                  <button
                    type="button"
                    id={`note-open-${e.id}`}
                    className="secondary"
                    aria-label={`备注：${e.name}`}
                    onClick={() => edit(e.id)}
                  >
                    备注
                  </button>
                )}
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
