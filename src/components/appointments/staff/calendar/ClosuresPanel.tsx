import { useState } from "react";
import { whenText } from "../../../../lib/appointments/format";
import { errorMessage, fieldErrorsOf } from "../../../../lib/kit/problem";
import {
  CLOSURE_REASON_LABELS,
  CLOSURE_REASONS,
  type ClosureReason,
} from "../../../../shared/appointments/calendar-staff";
import type { AffectedBooking, StaffCalendarView } from "../../../../shared/appointments/calendar-staff-wire";
import { chinaDay, formatDateZh } from "../../../../shared/time";
import { ErrorSummary } from "../../../forms/ErrorSummary";
import { staffCalendarApi } from "./api";

const TARGETS = { day: "closure-day", to: "closure-to", text: "closure-text" };

/**
 * Closures: enter a day (or part of one) with its reason, see whose bookings it cancels, confirm;
 * each of them is told and offered the nearest free slots. A closure in force can be reopened.
 */
export function ClosuresPanel({
  view,
  onChanged,
}: {
  view: StaffCalendarView;
  onChanged: (m: string) => Promise<void>;
}) {
  const [day, setDay] = useState(() => chinaDay(new Date(view.now)));
  const [wholeDay, setWholeDay] = useState(true);
  const [from, setFrom] = useState("09:00");
  const [to, setTo] = useState("12:00");
  const [reason, setReason] = useState<ClosureReason>("training");
  const [text, setText] = useState("");
  const [affected, setAffected] = useState<AffectedBooking[] | null>(null);
  const [message, setMessage] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const period = () => (wholeDay ? { day } : { day, from, to });

  async function attempt(task: () => Promise<void>) {
    if (busy) return;
    setBusy(true);
    setMessage("");
    setErrors({});
    try {
      await task();
    } catch (err) {
      setErrors(fieldErrorsOf(err));
      setMessage(errorMessage(err, "没有成功，请重试。"));
    } finally {
      setBusy(false);
    }
  }

  const preview = (e: React.FormEvent) => {
    e.preventDefault();
    void attempt(async () => setAffected((await staffCalendarApi.affected(view.point.id, period())).bookings));
  };

  const confirm = () =>
    attempt(async () => {
      const result = await staffCalendarApi.close(view.point.id, {
        ...period(),
        reason,
        ...(text.trim() ? { text: text.trim() } : {}),
      });
      setAffected(null);
      await onChanged(
        `已登记 ${formatDateZh(result.closure.day)} ${result.closure.note}，取消预约 ${result.cancelled.length} 个，已通知预约人改约。`,
      );
    });

  const reopen = (id: number) =>
    attempt(async () => {
      await staffCalendarApi.reopen(id);
      await onChanged("已撤销闭门，该时段重新开放预约（已取消的预约不会恢复）。");
    });

  return (
    <section aria-labelledby="closures-heading">
      <h3 id="closures-heading">临时闭门</h3>
      {view.closures.length === 0 ? (
        <p className="muted">今天起没有登记闭门。</p>
      ) : (
        <ul className="closure-list">
          {view.closures.map((c) => (
            <li key={c.id}>
              {formatDateZh(c.day)} {c.from ? `${c.from}–${c.to}` : "全天"} {c.note}
              {view.canEdit && (
                <button type="button" className="secondary" onClick={() => reopen(c.id)}>
                  撤销 {formatDateZh(c.day)} 的闭门
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {view.canEdit && (
        <>
          <ErrorSummary message={message || undefined} errors={errors} targets={TARGETS} />
          <form className="closure-form" onSubmit={preview} noValidate>
            <div className="field">
              <label htmlFor="closure-day">闭门日期</label>
              <input id="closure-day" type="date" value={day} onChange={(e) => setDay(e.target.value)} />
            </div>
            <div className="field">
              <label>
                <input type="checkbox" checked={wholeDay} onChange={(e) => setWholeDay(e.target.checked)} /> 全天闭门
              </label>
            </div>
            {!wholeDay && (
              <div className="interval">
                <label>
                  开始
                  <input type="time" step={300} value={from} onChange={(e) => setFrom(e.target.value)} />
                </label>
                <label>
                  结束
                  <input id="closure-to" type="time" step={300} value={to} onChange={(e) => setTo(e.target.value)} />
                </label>
              </div>
            )}
            <div className="field">
              <label htmlFor="closure-reason">原因</label>
              <select id="closure-reason" value={reason} onChange={(e) => setReason(e.target.value as ClosureReason)}>
                {CLOSURE_REASONS.map((r) => (
                  <option key={r} value={r}>
                    {CLOSURE_REASON_LABELS[r]}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="closure-text">说明（选“其他原因”时必填，会告知预约人）</label>
              <input id="closure-text" value={text} maxLength={100} onChange={(e) => setText(e.target.value)} />
            </div>
            <div className="actions">
              <button type="submit" className="secondary" aria-disabled={busy || undefined}>
                查看受影响的预约
              </button>
            </div>
          </form>
          {affected && (
            <div className="closure-confirm" aria-live="polite">
              <h4>将被取消的预约：{affected.length} 个</h4>
              {affected.length > 0 && (
                <ul>
                  {affected.map((b) => (
                    <li key={b.bookingNumber}>
                      {whenText(b)} {b.serviceName} {b.name}（{b.shopName}）预约号 {b.bookingNumber}
                    </li>
                  ))}
                </ul>
              )}
              <p>
                确认后，这些预约由服务点取消（不计为预约人取消或未到），每人收到通知并可在管理页改约最近的空余时段。
              </p>
              <button type="button" aria-disabled={busy || undefined} onClick={confirm}>
                确认闭门
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
