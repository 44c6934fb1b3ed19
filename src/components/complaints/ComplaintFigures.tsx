import { useEffect, useState } from "react";
import { monthFigures } from "../../lib/complaints/api";
import { recentMonths } from "../../lib/complaints/figures";
import { errorMessage } from "../../lib/kit/problem";
import type { MonthFigures } from "../../shared/complaints/wire";
import { formatDateZh, formatMonthZh } from "../../shared/time";
import { FiguresSummary } from "./FiguresSummary";
import { UnitFiguresTable } from "./UnitFiguresTable";

/**
 * The published figures of one month: the six rates bureau-wide, then per unit. The months are
 * reckoned in the browser, not at build time, so the list is never stale; until the island runs
 * (or without JavaScript) the page shows the headings and an empty summary of the same size.
 */
export default function ComplaintFigures() {
  const [months, setMonths] = useState<string[]>([]);
  // A new object for each request, so 重试 asks again for the same month.
  const [request, setRequest] = useState<{ month: string } | null>(null);
  const [data, setData] = useState<MonthFigures | null>(null);
  const [error, setError] = useState("");
  const month = request?.month ?? "";

  useEffect(() => {
    const recent = recentMonths();
    setMonths(recent);
    if (recent[0]) setRequest({ month: recent[0] });
  }, []);

  useEffect(() => {
    if (!request) return;
    let live = true;
    setError("");
    monthFigures(request.month)
      .then((d) => live && setData(d))
      .catch((err) => live && setError(errorMessage(err, "请稍后再试。")));
    return () => {
      live = false;
    };
  }, [request]);

  // What is shown is always labelled with its own month: while another month loads, the old
  // figures stay (no jump in the layout) under their old headings.
  const loading = month !== "" && data?.month !== month && !error;
  const status = loading
    ? `正在加载${formatMonthZh(month)}的统计…`
    : data && !error
      ? `已显示${formatMonthZh(data.month)}的统计。`
      : "";
  const label = data ? formatMonthZh(data.month) : "";

  return (
    <div className="complaint-figures">
      <div className="field month-field">
        {months.length > 0 && (
          <>
            <label htmlFor="figures-month">统计月份</label>
            <select id="figures-month" value={month} onChange={(e) => setRequest({ month: e.target.value })}>
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
            <button type="button" className="secondary small" onClick={() => setRequest({ month })}>
              重试
            </button>
          </div>
        )}
      </div>
      <section aria-labelledby="total-heading">
        <h2 id="total-heading">{label}全区办理情况</h2>
        <p className="figures-period">
          {data
            ? `${formatDateZh(data.from)}至${Number(data.to.slice(8))}日（北京时间），共收到投诉 ${data.total.counts.received} 件。`
            : ""}
        </p>
        <FiguresSummary total={data?.total ?? null} />
      </section>
      <section aria-labelledby="units-heading">
        <h2 id="units-heading">{label}各处置单位办理情况</h2>
        {/* Room for the table while the first figures load, so what follows it does not jump. */}
        {!data && <div className="table-placeholder" />}
        {data &&
          (data.units.length === 0 ? (
            <p>{label}没有可统计的案件。</p>
          ) : (
            <UnitFiguresTable figures={data} caption={`${label}各处置单位的办理情况`} />
          ))}
      </section>
    </div>
  );
}
