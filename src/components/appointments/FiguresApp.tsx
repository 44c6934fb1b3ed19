import { useEffect, useState } from "react";
import { recentMonths } from "../../lib/complaints/figures";
import { errorMessage } from "../../lib/kit/problem";
import { request } from "../../lib/kit/request";
import type { AppointmentFigures } from "../../shared/appointments/figures";
import { formatMonthZh, monthEnd, monthStart } from "../../shared/time";
import { FiguresTable } from "./FiguresTable";

/**
 * The service points' figures of one month, per point and bureau-wide, from GET
 * /api/appointments/figures (only types come from src/shared/appointments/figures.ts, so the
 * holiday calendar it counts with stays out of the page's JavaScript). The months are reckoned in
 * the browser, as on the complaints' figures page.
 */
export default function FiguresApp({ serviceNames }: { serviceNames: Record<string, string> }) {
  const [months, setMonths] = useState<string[]>([]);
  // A new object for each request, so 重试 asks again for the same month.
  const [asked, setAsked] = useState<{ month: string } | null>(null);
  const [data, setData] = useState<(AppointmentFigures & { month: string }) | null>(null);
  const [error, setError] = useState("");
  const month = asked?.month ?? "";

  useEffect(() => {
    const recent = recentMonths();
    setMonths(recent);
    if (recent[0]) setAsked({ month: recent[0] });
  }, []);

  useEffect(() => {
    if (!asked) return;
    let live = true;
    setError("");
    const query = new URLSearchParams({ from: monthStart(asked.month), to: monthEnd(asked.month) });
    request<AppointmentFigures>(`/api/appointments/figures?${query}`)
      .then((d) => live && setData({ ...d, month: asked.month }))
      .catch((err) => live && setError(errorMessage(err, "请稍后再试。")));
    return () => {
      live = false;
    };
  }, [asked]);

  const loading = month !== "" && data?.month !== month && !error;
  const label = data ? formatMonthZh(data.month) : "";
  const status = loading ? `正在加载${formatMonthZh(month)}的统计…` : data && !error ? `已显示${label}的统计。` : "";

  return (
    <div className="appointment-figures">
      <div className="field month-field">
        {months.length > 0 && (
          <>
            <label htmlFor="figures-month">统计月份</label>
            <select id="figures-month" value={month} onChange={(e) => setAsked({ month: e.target.value })}>
              {months.map((m) => (
                <option key={m} value={m}>
                  {formatMonthZh(m)}
                </option>
              ))}
            </select>
          </>
        )}
      </div>
      <p role="status" className="muted figures-status">
        {status}
      </p>
      <div role="alert">
        {error && (
          <div className="error-summary">
            <p>
              {formatMonthZh(month)}的统计没有加载成功：{error}
            </p>
            <button type="button" className="secondary small" onClick={() => setAsked({ month })}>
              重试
            </button>
          </div>
        )}
      </div>
      {!data && <div className="table-placeholder" />}
      {data && <FiguresTable figures={data} label={label} serviceNames={serviceNames} />}
    </div>
  );
}
