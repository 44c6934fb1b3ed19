import { useCallback, useEffect, useState } from "react";
import { listCases } from "../../lib/complaints/api";
import { errorMessage } from "../../lib/kit/problem";
import type { PublicCase } from "../../shared/complaints/wire";
import { useFocusLater } from "../forms/useFocusLater";
import { PublicCaseCard } from "./PublicCaseCard";

type Filter = "" | "open" | "closed";
const FILTERS: [Filter, string][] = [
  ["", "全部"],
  ["open", "办理中"],
  ["closed", "已结案"],
];

/** Recent cases, newest first, filtered by state, ten more at a time. */
export default function CaseList() {
  const [filter, setFilter] = useState<Filter>("");
  const [cases, setCases] = useState<PublicCase[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState("");
  const focus = useFocusLater();

  const load = useCallback(async (state: Filter, before: number | null) => {
    setLoading(true);
    setError("");
    try {
      const page = await listCases(state, before);
      setCases((old) => (before === null ? page.cases : [...old, ...page.cases]));
      setNext(page.next);
      return page.cases;
    } catch (err) {
      setError(errorMessage(err, "加载失败，请稍后再试。"));
      return [];
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    load(filter, null);
  }, [filter, load]);

  const more = async () => {
    const added = await load(filter, next);
    if (added[0]) focus(`case-${added[0].caseNumber}`);
  };

  return (
    <div className="case-list">
      <fieldset className="choices inline">
        <legend>按状态筛选</legend>
        {FILTERS.map(([value, label]) => (
          <div className="choice" key={value || "all"}>
            <input
              type="radio"
              id={`filter-${value || "all"}`}
              name="state-filter"
              checked={filter === value}
              onChange={() => setFilter(value)}
            />
            <label htmlFor={`filter-${value || "all"}`}>{label}</label>
          </div>
        ))}
      </fieldset>
      <p role="status" className="muted">
        {loading ? "正在加载…" : cases.length === 0 && !error ? "暂时没有投诉。" : `显示 ${cases.length} 件`}
      </p>
      <div role="alert">{error && <p className="field-error">{error}</p>}</div>
      <ul className="cards">
        {cases.map((c) => (
          <PublicCaseCard key={c.caseNumber} c={c} />
        ))}
      </ul>
      {next !== null && (
        <button type="button" className="secondary more" aria-disabled={loading} onClick={() => !loading && more()}>
          加载更多
        </button>
      )}
    </div>
  );
}
