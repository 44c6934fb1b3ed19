import { dayLabel, slotsByDay, timeRange } from "../../lib/appointments/format";
import type { FreeSlot } from "../../shared/appointments/wire";

interface Props {
  /** The group's id: the error summary links here, and the radios' name is built from it. */
  id: string;
  slots: readonly FreeSlot[];
  selected: string | null;
  onSelect: (slot: FreeSlot) => void;
  /** Point names by id: shown on each slot when the list mixes points ("earliest", the alternatives). */
  pointNames?: Record<string, string>;
  error?: string;
}

/** "上午（09:00–12:00）" for an inspection's visit window, else the slot's own time. */
function slotText(s: FreeSlot): string {
  if (s.window) return `${s.window === "morning" ? "上午" : "下午"} ${timeRange(s)}`;
  return timeRange(s);
}

/**
 * The free slots as one radio group, a fieldset per day (its legend the day): arrow keys move between
 * slots, and each says how many places are left and, when points are mixed, where.
 */
export function SlotPicker({ id, slots, selected, onSelect, pointNames, error }: Props) {
  return (
    <div className="slot-days" id={id} tabIndex={-1}>
      {error && (
        <p id={`${id}-error`} className="field-error">
          <span className="visually-hidden">错误：</span>
          {error}
        </p>
      )}
      {slotsByDay(slots).map(({ day, slots: list }) => (
        <fieldset key={day}>
          <legend>{dayLabel(day)}</legend>
          <div className="slot-options">
            {list.map((s) => {
              const inputId = `${id}-${s.id.replace(/[^a-z0-9]/gi, "-")}`;
              return (
                <div className="choice" key={s.id}>
                  <input
                    type="radio"
                    id={inputId}
                    name={`${id}-slot`}
                    value={s.id}
                    checked={selected === s.id}
                    onChange={() => onSelect(s)}
                  />
                  <label htmlFor={inputId}>
                    {slotText(s)}
                    {pointNames && <span className="muted">{pointNames[s.pointId] ?? s.pointId}</span>}
                    <span className="muted">剩 {s.placesLeft} 个</span>
                  </label>
                </div>
              );
            })}
          </div>
        </fieldset>
      ))}
    </div>
  );
}
