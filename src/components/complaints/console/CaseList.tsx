import { useCallback, useEffect, useMemo, useState } from "react";
import { FILTER_KEYS, filterFromQuery, queryOfFilter, VIEW_LABELS, viewsFor } from "../../../lib/complaints/console";
import { type CaseFilter, casesApi } from "../../../lib/complaints/console-api";
import { type Refusal, refusalOf } from "../../../lib/kit/problem";
import type { CaseCursor, CaseSummary } from "../../../shared/complaints/console-wire";
import { can } from "../../../shared/staff/roles";
import type { Me } from "../../../shared/staff/wire";
import { ErrorSummary } from "../../forms/ErrorSummary";
import { useFocusLater } from "../../forms/useFocusLater";
import { useLatestRequest } from "../../forms/useLatestRequest";
import { StatusMessage } from "../../staff/StatusMessage";
import { useUnits } from "../../staff/useUnits";
import { CaseCards } from "./CaseCards";
import { CaseFilters } from "./CaseFilters";
import { CaseTable } from "./CaseTable";
import { CaseViewTabs } from "./CaseViewTabs";
import { dispatchTargets } from "./dispatch-targets";
import { NARROW, useMediaQuery } from "./useMediaQuery";

/** What the table shows, with the filter it was found by and the cursors of the pages before it. */
interface Shown {
  filter: CaseFilter;
  cases: CaseSummary[];
  next: CaseCursor | null;
  /** The cursor of each page up to the one shown (null: the first), for 上一页. */
  trail: (CaseCursor | null)[];
}

/** The case list: a view per tab, filters kept in the address, and pages through the API's cursor. */
export function CaseList({ me }: { me: Me }) {
  const views = viewsFor(me.role);
  const [initial] = useState(() => filterFromQuery(location.search, me.role));
  const allUnits = useUnits(can(me.role, "units:read"));
  const units = useMemo(() => dispatchTargets(allUnits), [allUnits]);
  const [view, setView] = useState(initial.view);
  const [shown, setShown] = useState<Shown | null>(null);
  const [status, setStatus] = useState("");
  const [error, setError] = useState<Refusal>();
  // Only the answer to the newest request is shown, whatever order the answers arrive in.
  const { busy, load: latest } = useLatestRequest();
  const focusLater = useFocusLater();
  // A phone has no room for the table's eight columns: cards, with the deadline near the top.
  const narrow = useMediaQuery(NARROW);

  const load = useCallback(
    async (filter: CaseFilter, trail: (CaseCursor | null)[]) => {
      setStatus("正在加载…");
      history.replaceState(null, "", `${location.pathname}${queryOfFilter(filter)}`);
      await latest(
        () => casesApi.list(filter, trail.at(-1) ?? null),
        (page) => {
          setShown({ filter, trail, ...page });
          setError(undefined);
          setStatus(
            page.cases.length ? `第 ${trail.length} 页，本页 ${page.cases.length} 件案件。` : "没有符合条件的案件。",
          );
          if (trail.length > 1) focusLater("cases-heading");
        },
        (err) => {
          setShown(null);
          setStatus("");
          setError(refusalOf(err));
        },
      );
    },
    [latest, focusLater],
  );

  useEffect(() => {
    void load(initial, [null]);
  }, [load, initial]);

  const search = (filter: CaseFilter) => void load(filter, [null]);
  const changeView = (next: typeof view) => {
    setView(next);
    search({ view: next });
  };

  // The filter of the view on screen: the one last loaded for it, the address's at first, else none.
  const filter: CaseFilter =
    shown?.filter.view === view ? shown.filter : !shown && view === initial.view ? initial : { view };
  const filtered = FILTER_KEYS.some((key) => filter[key]);
  const page = shown?.trail.length ?? 1;
  return (
    <>
      <CaseViewTabs views={views} current={view} onChange={changeView} />
      {(view === "all" || view === "overdue") && (
        <CaseFilters
          key={view}
          filter={filter}
          units={units}
          showState={view === "all"}
          serverErrors={error?.errors ?? {}}
          serverMessage={error?.message}
          onSearch={search}
        />
      )}
      {view !== "all" && view !== "overdue" && <ErrorSummary message={error?.message} />}
      <StatusMessage text={status} />
      <section id="cases-results" aria-labelledby="cases-heading">
        <div className="results-head">
          <h2 id="cases-heading" tabIndex={-1}>
            {VIEW_LABELS[view]}
          </h2>
          <button
            type="button"
            className="secondary"
            aria-disabled={busy || undefined}
            onClick={() => shown && !busy && void load(shown.filter, shown.trail)}
          >
            刷新
          </button>
        </div>
        {shown &&
          shown.cases.length > 0 &&
          (narrow ? (
            <CaseCards filter={shown.filter} cases={shown.cases} page={page} filtered={filtered} />
          ) : (
            <CaseTable filter={shown.filter} cases={shown.cases} page={page} filtered={filtered} />
          ))}
        {shown && shown.cases.length === 0 && <p>没有符合条件的案件。</p>}
        {shown && (page > 1 || shown.next) && (
          <nav className="actions pager" aria-label="案件列表分页">
            {page > 1 && (
              <button
                type="button"
                className="secondary"
                aria-disabled={busy || undefined}
                onClick={() => busy || void load(shown.filter, shown.trail.slice(0, -1))}
              >
                上一页
              </button>
            )}
            {shown.next && (
              <button
                type="button"
                className="secondary"
                aria-disabled={busy || undefined}
                onClick={() => busy || (shown.next && void load(shown.filter, [...shown.trail, shown.next]))}
              >
                下一页
              </button>
            )}
          </nav>
        )}
      </section>
    </>
  );
}
