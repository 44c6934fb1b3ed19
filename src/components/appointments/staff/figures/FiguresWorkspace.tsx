import { useCallback, useEffect, useState } from "react";
import {
  FIGURES_PRESETS,
  type StaffFiguresQuery,
  staffFiguresApi,
} from "../../../../lib/appointments/staff-figures-api";
import { checkFields } from "../../../../lib/kit/check";
import { type FieldErrors, refusalOf } from "../../../../lib/kit/problem";
import type { AppointmentFigures } from "../../../../shared/appointments/figures";
import { MAX_PERIOD_DAYS, periodSchema } from "../../../../shared/period";
import { formatDateZh } from "../../../../shared/time";
import { useFocusLater } from "../../../forms/useFocusLater";
import { CHECK_MESSAGE } from "../../../forms/useForm";
import { useLatestRequest } from "../../../forms/useLatestRequest";
import { StatusMessage } from "../../../staff/StatusMessage";
import { FiguresTable } from "../../FiguresTable";
import { FIGURES_FIELDS, FiguresForm } from "./FiguresForm";

/** The API's own rule for the two ends (src/shared/period.ts), checked before anything is sent. */
const PeriodSchema = periodSchema(MAX_PERIOD_DAYS.year);

/** The period in the page address, so the figures can be reloaded and shared; last month by default. */
function queryFromAddress(): StaffFiguresQuery {
  const query = new URLSearchParams(location.search);
  const fallback = FIGURES_PRESETS[1].period();
  return { from: query.get("from") ?? fallback.from, to: query.get("to") ?? fallback.to, point: "" };
}

const STAFF_NOTE = (
  <p className="muted">
    工作台显示全部数字，不做公开页“少于 5 件不公布”的处理，仅供内部使用；“—”表示没有可计算的数。表格较宽时可左右滑动。
  </p>
);

/**
 * The service points' figures for staff (GET /api/staff/appointments/figures): a clerk's own point,
 * every point for the centre with the choice of one; the period's bookings, no-shows, working days
 * from intake to decision, on-time rate and trips per application, without the public page's
 * small-number rule. The points to choose from are those of the first answer (every point the
 * account reaches), so the page needs no other call.
 */
export function FiguresWorkspace({ serviceNames }: { serviceNames: Record<string, string> }) {
  const [initial] = useState(queryFromAddress);
  const [figures, setFigures] = useState<AppointmentFigures | null>(null);
  const [reach, setReach] = useState<{ id: string; name: string }[]>([]);
  const [status, setStatus] = useState("");
  const [error, setError] = useState<{ message?: string; errors: FieldErrors }>({ errors: {} });
  // Only the answer for the newest query is shown, whatever order the answers arrive in.
  const { load: latest } = useLatestRequest();
  const focusLater = useFocusLater();

  const load = useCallback(
    async (query: StaffFiguresQuery) => {
      const wrong = checkFields(PeriodSchema, { from: query.from, to: query.to });
      if (Object.keys(wrong).length > 0) {
        setStatus("");
        setError({ message: CHECK_MESSAGE, errors: wrong });
        return focusLater(wrong.from ? FIGURES_FIELDS.from.id : FIGURES_FIELDS.to.id);
      }
      setStatus("正在统计…");
      history.replaceState(null, "", `${location.pathname}?${new URLSearchParams({ from: query.from, to: query.to })}`);
      await latest(
        () => staffFiguresApi.figures(query),
        (answer) => {
          if (!query.point) setReach(answer.points.map((p) => ({ id: p.pointId, name: p.pointName })));
          setFigures(answer);
          setError({ errors: {} });
          const where = answer.points.length === 1 ? answer.points[0]?.pointName : "各服务点";
          setStatus(`已显示${formatDateZh(answer.from)}至${formatDateZh(answer.to)}${where}的统计。`);
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

  const single = figures?.points.length === 1 ? figures.points[0] : undefined;
  const label = figures ? `${formatDateZh(figures.from)}至${formatDateZh(figures.to)}` : "";
  return (
    <div className="appointment-figures">
      <FiguresForm
        initial={initial}
        points={reach}
        errors={error.errors}
        message={error.message}
        onSubmit={(query) => void load(query)}
      />
      <StatusMessage text={status} />
      {figures && figures.points.length === 0 && <p>您的账号没有对应的服务点，请联系管理员。</p>}
      {figures && figures.points.length > 0 && (
        <section aria-labelledby="figures-heading">
          <h2 id="figures-heading">{single ? single.pointName : "各服务点"}</h2>
          <FiguresTable
            figures={figures}
            label={label}
            serviceNames={serviceNames}
            note={STAFF_NOTE}
            scopeName={single ? single.pointName : "全区"}
            showTotal={!single}
          />
        </section>
      )}
    </div>
  );
}
