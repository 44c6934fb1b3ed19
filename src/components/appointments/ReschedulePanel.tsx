import { useState } from "react";
import { listSlots, nearestFreeOf, reschedule } from "../../lib/appointments/api";
import { whenText } from "../../lib/appointments/format";
import { errorMessage } from "../../lib/kit/problem";
import type { AppointmentView, FreeSlot, RescheduleResult } from "../../shared/appointments/wire";
import { useFocusLater } from "../forms/useFocusLater";
import { SlotPicker } from "./SlotPicker";

interface Props {
  token: string;
  view: AppointmentView;
  pointNames: Record<string, string>;
  onDone: (result: RescheduleResult) => Promise<void>;
}

/**
 * Another free slot of the same service, at the same point or any: the API moves the booking in one
 * update (the new place taken and the old one freed together). A slot taken meanwhile offers the
 * nearest free ones instead.
 */
export function ReschedulePanel({ token, view, pointNames, onDone }: Props) {
  const [open, setOpen] = useState(false);
  const [point, setPoint] = useState(view.point.id);
  const [slots, setSlots] = useState<FreeSlot[] | null>(null);
  const [unknownYears, setUnknownYears] = useState<number[]>([]);
  const [chosen, setChosen] = useState<FreeSlot | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState("");
  const [error, setError] = useState("");
  const focus = useFocusLater();

  async function show(at: string) {
    setPoint(at);
    setChosen(null);
    setError("");
    setStatus("正在读取可改约的时段…");
    try {
      const list = await listSlots(at, view.service);
      setSlots(list.slots.filter((s) => s.id !== view.slotId));
      setUnknownYears(list.unknownYears);
      setStatus("");
    } catch (err) {
      setStatus("");
      setError(errorMessage(err, "时段没有读取成功，请稍后再试。"));
    }
  }

  async function move() {
    if (busy) return;
    if (!chosen) return setError("请先选择新的时段。");
    setBusy(true);
    setError("");
    try {
      const result = await reschedule(token, chosen.id);
      setOpen(false);
      await onDone(result);
    } catch (err) {
      const nearest = nearestFreeOf(err);
      if (nearest.length > 0) {
        setSlots(nearest);
        setChosen(null);
      }
      setError(errorMessage(err, "改期没有成功，请稍后再试。"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="reschedule-heading">
      <h3 id="reschedule-heading">改期</h3>
      {!open ? (
        <p>
          <button
            type="button"
            id="reschedule-open"
            className="secondary"
            onClick={() => {
              setOpen(true);
              show(point);
              focus("reschedule-point");
            }}
          >
            改到其他时段…
          </button>
        </p>
      ) : (
        <>
          <div className="field">
            <label htmlFor="reschedule-point">服务点</label>
            <select id="reschedule-point" value={point} onChange={(e) => show(e.target.value)}>
              <option value="any">任一服务点（最早可约）</option>
              {Object.entries(pointNames).map(([id, name]) => (
                <option key={id} value={id}>
                  {name}
                </option>
              ))}
            </select>
          </div>
          <p role="status">{status}</p>
          <div role="alert">{error && <p className="error-summary">{error}</p>}</div>
          {unknownYears.length > 0 && (
            <p className="callout">{unknownYears.join("、")} 年的法定节假日安排尚未公布，这些日子暂不能预约。</p>
          )}
          {slots && slots.length === 0 && <p>没有其他空闲时段，请换一个服务点。</p>}
          {slots && slots.length > 0 && (
            <SlotPicker
              id="reschedule-slots"
              slots={slots}
              selected={chosen?.id ?? null}
              onSelect={setChosen}
              pointNames={point === "any" || slots.some((s) => s.pointId !== point) ? pointNames : undefined}
            />
          )}
          {chosen && (
            <p>
              改到：<strong>{whenText(chosen)}</strong>，{pointNames[chosen.pointId]}
            </p>
          )}
          <div className="actions">
            <button type="button" aria-disabled={busy || undefined} onClick={move}>
              {busy ? "正在改期…" : "确认改期"}
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setOpen(false);
                focus("reschedule-open");
              }}
            >
              不改了
            </button>
          </div>
        </>
      )}
    </section>
  );
}
