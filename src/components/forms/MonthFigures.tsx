import { useEffect, useState } from "react";
import { recentMonths } from "../../lib/complaints/figures";
import { errorMessage } from "../../lib/kit/problem";
import { formatMonthZh } from "../../shared/time";

// The monthly figures pages' common part (complaints, service points): the recent months reckoned
// in the browser (never stale), the month asked, its figures and the status and error lines.

/**
 * Loads the figures of the month chosen, the latest by default. What is shown is always labelled
 * with its own month: while another month loads, the old figures stay (no jump in the layout)
 * under their old headings.
 */
export function useMonthFigures<T extends { month: string }>(load: (month: string) => Promise<T>) {
  const [months, setMonths] = useState<string[]>([]);
  // A new object for each request, so 重试 asks again for the same month.
  const [asked, setAsked] = useState<{ month: string } | null>(null);
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState("");
  const month = asked?.month ?? "";

  useEffect(() => {
    const recent = recentMonths();
    setMonths(recent);
    if (recent[0]) setAsked({ month: recent[0] });
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the page's loader is fixed; a new ask loads.
  useEffect(() => {
    if (!asked) return;
    let live = true;
    setError("");
    load(asked.month)
      .then((d) => live && setData(d))
      .catch((err) => live && setError(errorMessage(err, "请稍后再试。")));
    return () => {
      live = false;
    };
  }, [asked]);

  const loading = month !== "" && data?.month !== month && !error;
  const label = data ? formatMonthZh(data.month) : "";
  const status = loading ? `正在加载${formatMonthZh(month)}的统计…` : data && !error ? `已显示${label}的统计。` : "";
  return { months, month, data, error, label, status, ask: (m: string) => setAsked({ month: m }) };
}

interface ChooserProps {
  months: string[];
  month: string;
  status: string;
  error: string;
  ask: (month: string) => void;
}

/** The month's select, the status line and the error with its 重试. */
export function MonthChooser({ months, month, status, error, ask }: ChooserProps) {
  return (
    <>
      <div className="field month-field">
        {months.length > 0 && (
          <>
            <label htmlFor="figures-month">统计月份</label>
            <select id="figures-month" value={month} onChange={(e) => ask(e.target.value)}>
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
            <button type="button" className="secondary small" onClick={() => ask(month)}>
              重试
            </button>
          </div>
        )}
      </div>
    </>
  );
}
