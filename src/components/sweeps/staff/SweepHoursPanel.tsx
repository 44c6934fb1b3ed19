import { useCallback, useEffect, useState } from "react";
import { errorMessage } from "../../../lib/kit/problem";
import { staffDayApi } from "../../../lib/sweeps/staff-api";
import type { StaffSweep, SweepHours } from "../../../shared/sweeps/wire";
import { formatChinaMinute, formatDateTimeZh } from "../../../shared/time";
import { useFocusLater } from "../../forms/useFocusLater";
import { MinutesCorrectionForm } from "./MinutesCorrectionForm";

const ATTENDANCE_LABELS = { attended: "已到", no_show: "缺席" } as const;
const time = (at: string | null) => (at ? formatChinaMinute(at).slice(11) : "—");

/**
 * Hours review after the sweep: each person's check-in, check-out and recorded minutes (clipped to
 * the sweep's time and rounded by the published rule), a correction per person with a reason
 * (audited), and the approval that tells everyone their hours (once, after the sweep ended).
 */
export function SweepHoursPanel({ sweep }: { sweep: StaffSweep }) {
  const [hours, setHours] = useState<SweepHours | null>(null);
  const [error, setError] = useState("");
  const [status, setStatus] = useState("");
  const [editing, setEditing] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const focusLater = useFocusLater();

  const load = useCallback(async () => {
    try {
      setHours(await staffDayApi.hours(sweep.id));
      setError("");
    } catch (err) {
      setError(errorMessage(err));
    }
  }, [sweep.id]);

  useEffect(() => {
    void load();
  }, [load]);

  async function approve() {
    if (busy) return;
    setBusy(true);
    setError("");
    try {
      const done = await staffDayApi.approveHours(sweep.id);
      await load();
      setStatus(`时长已审核，已通知 ${done.messaged} 位志愿者。`);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  const ended = Date.parse(sweep.endsAt) <= Date.now();
  const row = hours?.rows.find((r) => r.id === editing);
  return (
    <section className="sweep-hours" aria-labelledby="hours-heading">
      <h2 id="hours-heading">服务时长</h2>
      <div role="alert" className="alert-region">
        {error && <p className="error-summary">{error}</p>}
      </div>
      <p role="status" className="status-message">
        {status}
      </p>
      {hours && (
        <>
          <p>
            计算规则：{hours.rule}。合计 {hours.totalMinutes} 分钟。
            {hours.hoursApprovedAt
              ? `已于 ${formatDateTimeZh(hours.hoursApprovedAt)} 审核；此后的更正单独记录。`
              : hours.missingMinutes > 0
                ? `还有 ${hours.missingMinutes} 人签到后未签退，审核前请更正其时长。`
                : ""}
          </p>
          {hours.rows.length === 0 ? (
            <p>还没有签到或缺席记录。</p>
          ) : (
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
            <section className="table-scroll" aria-labelledby="hours-caption" tabIndex={0}>
              <table className="hours">
                <caption id="hours-caption">
                  出勤与时长：{hours.rows.length} 人{hours.hoursApprovedAt ? "（已审核）" : "（待审核）"}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">姓名</th>
                    <th scope="col">学校或单位</th>
                    <th scope="col">出勤</th>
                    <th scope="col">签到</th>
                    <th scope="col">签退</th>
                    <th scope="col">时长（分钟）</th>
                    <th scope="col">更正</th>
                  </tr>
                </thead>
                <tbody>
                  {hours.rows.map((r) => (
                    <tr key={r.id}>
                      <th scope="row">
                        {r.name}
                        {r.walkIn && <span className="muted">（现场报名）</span>}
                      </th>
                      <td>{r.organisation}</td>
                      <td>{r.attendance ? ATTENDANCE_LABELS[r.attendance] : "未记录"}</td>
                      <td className="nowrap">{time(r.checkedInAt)}</td>
                      <td className="nowrap">{time(r.checkedOutAt)}</td>
                      <td className={r.minutes === null && r.attendance === "attended" ? "late" : undefined}>
                        {r.minutes ?? "未记录"}
                      </td>
                      <td>
                        <button
                          type="button"
                          className="secondary small"
                          aria-label={`更正 ${r.name} 的时长`}
                          onClick={() => {
                            setEditing(r.id);
                            focusLater("minutes-value");
                          }}
                        >
                          更正
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )}
          {row && (
            <MinutesCorrectionForm
              key={row.id}
              sweepId={sweep.id}
              row={row}
              approved={hours.hoursApprovedAt !== null}
              onDone={(corrected) => {
                setHours((h) => h && { ...h, rows: h.rows.map((r) => (r.id === corrected.id ? corrected : r)) });
                setEditing(null);
                setStatus(`已更正 ${corrected.name} 的时长为 ${corrected.minutes} 分钟，更正已记录。`);
                void load();
              }}
              onCancel={() => setEditing(null)}
            />
          )}
          {!hours.hoursApprovedAt && ended && (
            <button type="button" aria-disabled={busy || undefined} onClick={approve}>
              {busy ? "正在审核…" : "审核通过本场时长并通知志愿者"}
            </button>
          )}
          {!ended && <p className="muted">活动结束后才能审核时长。</p>}
        </>
      )}
    </section>
  );
}
