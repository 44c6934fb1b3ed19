import { useCallback, useEffect, useState } from "react";
import { type Refusal, refusalOf } from "../../lib/kit/problem";
import { listSweeps } from "../../lib/sweeps/api";
import { filterFromQuery, isFiltered, queryOfFilter, type SweepFilter } from "../../lib/sweeps/filters";
import type { PublicSweep } from "../../shared/sweeps/wire";
import { useLatestRequest } from "../forms/useLatestRequest";
import { SweepCard } from "./SweepCard";
import { type CommunityOption, SweepFilters } from "./SweepFilters";

interface Shown {
  filter: SweepFilter;
  sweeps: PublicSweep[];
}

/**
 * The upcoming sweeps in the API's order (the least-covered communities first), with filters kept
 * in the page address so a filtered list can be reloaded and shared.
 */
export default function SweepList({ communities }: { communities: CommunityOption[] }) {
  // Read from the address once in the browser (the page is built without one), then the form shows it.
  const [initial, setInitial] = useState<SweepFilter | null>(null);
  const [shown, setShown] = useState<Shown | null>(null);
  const [status, setStatus] = useState("正在加载清扫活动…");
  const [error, setError] = useState<Refusal>();
  const { load } = useLatestRequest();

  const search = useCallback(
    async (filter: SweepFilter) => {
      setStatus("正在查询…");
      history.replaceState(null, "", `${location.pathname}${queryOfFilter(filter)}${location.hash}`);
      await load(
        () => listSweeps(filter),
        (list) => {
          setShown({ filter, sweeps: list.sweeps });
          setError(undefined);
          setStatus(
            list.sweeps.length
              ? `${isFiltered(filter) ? "符合条件的" : "近期"}清扫活动共 ${list.sweeps.length} 场。`
              : "没有符合条件的清扫活动。",
          );
        },
        (err) => {
          setShown(null);
          setStatus("");
          setError(refusalOf(err, "活动列表没有加载成功，请稍后再试。"));
        },
      );
    },
    [load],
  );

  useEffect(() => {
    const filter = filterFromQuery(location.search);
    setInitial(filter);
    void search(filter);
  }, [search]);

  return (
    <>
      {initial && (
        <SweepFilters
          communities={communities}
          initial={initial}
          serverErrors={error?.errors ?? {}}
          serverMessage={error?.message}
          onSearch={search}
        />
      )}
      <p role="status">{status}</p>
      {shown && shown.sweeps.length > 0 && (
        <>
          <p className="muted">按最需要志愿者的社区排在前面：报名人数离目标越远的社区越靠前。</p>
          <ul className="sweep-cards">
            {shown.sweeps.map((sweep) => (
              <SweepCard key={sweep.id} sweep={sweep} />
            ))}
          </ul>
        </>
      )}
    </>
  );
}
