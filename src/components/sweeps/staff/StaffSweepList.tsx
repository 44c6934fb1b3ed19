import { useCallback, useEffect, useState } from "react";
import { type Refusal, refusalOf } from "../../../lib/kit/problem";
import { staffSweepsApi } from "../../../lib/sweeps/staff-api";
import {
  filterStaffSweeps,
  NO_STAFF_FILTER,
  queryOfStaffFilter,
  type StaffSweepFilter,
  splitByTime,
  staffFilterFromQuery,
} from "../../../lib/sweeps/staff-list";
import type { StaffSweep } from "../../../shared/sweeps/wire";
import { ErrorSummary } from "../../forms/ErrorSummary";
import { StatusMessage } from "../../staff/StatusMessage";
import { StaffSweepFilters } from "./StaffSweepFilters";
import { StaffSweepTable } from "./StaffSweepTable";

/** The console's sweeps: upcoming first, then the last week's, filtered in the page, the filter kept in the address. */
export function StaffSweepList() {
  const [filter, setFilter] = useState<StaffSweepFilter>(() => staffFilterFromQuery(location.search));
  const [sweeps, setSweeps] = useState<StaffSweep[] | null>(null);
  const [error, setError] = useState<Refusal>();
  const [status, setStatus] = useState("正在加载…");

  const load = useCallback(async () => {
    setStatus("正在加载…");
    try {
      setSweeps((await staffSweepsApi.list()).sweeps);
      setError(undefined);
      setStatus("");
    } catch (err) {
      setError(refusalOf(err));
      setStatus("");
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const apply = (next: StaffSweepFilter) => {
    setFilter(next);
    history.replaceState(null, "", `${location.pathname}${queryOfStaffFilter(next)}`);
  };

  const shown = sweeps ? filterStaffSweeps(sweeps, filter) : [];
  const { upcoming, recent } = splitByTime(shown);
  const filtered = queryOfStaffFilter(filter) !== "";
  return (
    <>
      <nav aria-label="志愿清扫工作">
        <ul className="actions sweep-nav">
          <li>
            <a className="button" href="/staff/sweeps/new/">
              规划新活动
            </a>
          </li>
          <li>
            <a href="/staff/sweeps/figures/">统计与覆盖</a>
          </li>
          <li>
            <a href="/staff/sweeps/outbox/">消息发件箱</a>
          </li>
          <li>
            <a href="/staff/sweeps/certificates/">志愿服务记录证明</a>
          </li>
        </ul>
      </nav>
      <StaffSweepFilters filter={filter} onApply={apply} onClear={() => apply(NO_STAFF_FILTER)} />
      <ErrorSummary message={error?.message} />
      <StatusMessage
        text={
          status ||
          (sweeps
            ? `${filtered ? "筛选后" : "共"} ${shown.length} 场活动：即将进行 ${upcoming.length} 场，最近结束 ${recent.length} 场。`
            : "")
        }
      />
      {sweeps && (
        <>
          <section aria-labelledby="upcoming-heading">
            <h2 id="upcoming-heading">即将进行</h2>
            {upcoming.length > 0 ? (
              <StaffSweepTable id="upcoming" sweeps={upcoming} caption="即将进行的活动，按开始时间从早到晚" />
            ) : (
              <p>没有符合条件的活动。</p>
            )}
          </section>
          <section aria-labelledby="recent-heading">
            <h2 id="recent-heading">最近结束（一周内）</h2>
            {recent.length > 0 ? (
              <StaffSweepTable id="recent" sweeps={recent} caption="一周内结束的活动，最近的在前" />
            ) : (
              <p>没有符合条件的活动。</p>
            )}
          </section>
        </>
      )}
    </>
  );
}
