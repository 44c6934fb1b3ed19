import { useCallback, useEffect, useState } from "react";
import { casesApi, exportCsvHref } from "../../../lib/complaints/console-api";
import { PERIOD_PRESETS } from "../../../lib/complaints/console-figures";
import { checkFields } from "../../../lib/kit/check";
import { type FieldErrors, refusalOf } from "../../../lib/kit/problem";
import type { Figures } from "../../../shared/complaints/console-wire";
import { FiguresQuerySchema } from "../../../shared/complaints/staff-schemas";
import { can } from "../../../shared/staff/roles";
import type { Me } from "../../../shared/staff/wire";
import { formatDateZh } from "../../../shared/time";
import { useFocusLater } from "../../forms/useFocusLater";
import { CHECK_MESSAGE } from "../../forms/useForm";
import { useLatestRequest } from "../../forms/useLatestRequest";
import { StatusMessage } from "../../staff/StatusMessage";
import { FiguresTable } from "./FiguresTable";
import { type FiguresQuery, PERIOD_FIELDS, PeriodForm } from "./PeriodForm";
import { RateDefinitions } from "./RateDefinitions";

/** The period in the page address, so a report can be reloaded and shared; the last 30 days by default. */
function queryFromAddress(): FiguresQuery {
  const query = new URLSearchParams(location.search);
  const fallback = PERIOD_PRESETS[2].period();
  return {
    from: query.get("from") ?? fallback.from,
    to: query.get("to") ?? fallback.to,
    by: query.get("by") === "category" ? "category" : "unit",
  };
}

/** The assessment figures: a period, grouped by unit or category, their definitions, the CSV export. */
export function FiguresReport({ me }: { me: Me }) {
  const [initial] = useState(queryFromAddress);
  const [figures, setFigures] = useState<Figures | null>(null);
  const [status, setStatus] = useState("");
  const [error, setError] = useState<{ message?: string; errors: FieldErrors }>({ errors: {} });
  // Only the answer for the newest period is shown, whatever order the answers arrive in.
  const { load: latest } = useLatestRequest();
  const focusLater = useFocusLater();

  const load = useCallback(
    async (query: FiguresQuery) => {
      const wrong = checkFields(FiguresQuerySchema, query);
      if (Object.keys(wrong).length > 0) {
        setError({ message: CHECK_MESSAGE, errors: wrong });
        const first = (["from", "to"] as const).find((k) => wrong[k]);
        return focusLater(first ? PERIOD_FIELDS[first].id : PERIOD_FIELDS.by.id);
      }
      setStatus("正在统计…");
      history.replaceState(null, "", `${location.pathname}?${new URLSearchParams({ ...query })}`);
      await latest(
        () => casesApi.figures(query.from, query.to, query.by),
        (answer) => {
          setFigures(answer);
          setError({ errors: {} });
          setStatus(`已显示${formatDateZh(answer.from)}至${formatDateZh(answer.to)}的指标。`);
        },
        (err) => {
          setStatus("");
          setError(refusalOf(err));
        },
      );
    },
    [latest, focusLater],
  );

  useEffect(() => {
    void load(initial);
  }, [load, initial]);

  return (
    <>
      <PeriodForm initial={initial} errors={error.errors} message={error.message} onSubmit={load} />
      <StatusMessage text={status} />
      <section aria-labelledby="figures-heading">
        <h2 id="figures-heading">考核指标</h2>
        {figures && figures.rows.length === 0 && <p>本时段没有可统计的案件。</p>}
        {figures && <FiguresTable figures={figures} />}
        {figures && can(me.role, "complaints:export") && (
          <p>
            <a className="button secondary" href={exportCsvHref(figures.from, figures.to)} download>
              导出本时段收到的案件（CSV）
            </a>
          </p>
        )}
      </section>
      <RateDefinitions />
    </>
  );
}
