import { request } from "../../lib/kit/request";
import type { AppointmentFigures } from "../../shared/appointments/figures";
import { monthEnd, monthStart } from "../../shared/time";
import { MonthChooser, useMonthFigures } from "../forms/MonthFigures";
import { FiguresTable } from "./FiguresTable";

/** One month's figures, labelled with the month they are of. */
function figuresOf(month: string): Promise<AppointmentFigures & { month: string }> {
  const query = new URLSearchParams({ from: monthStart(month), to: monthEnd(month) });
  return request<AppointmentFigures>(`/api/appointments/figures?${query}`).then((d) => ({ ...d, month }));
}

/**
 * The service points' figures of one month, per point and bureau-wide, from GET
 * /api/appointments/figures (only types come from src/shared/appointments/figures.ts, so the
 * holiday calendar it counts with stays out of the page's JavaScript). The months are reckoned in
 * the browser, as on the complaints' figures page.
 */
export default function FiguresApp({ serviceNames }: { serviceNames: Record<string, string> }) {
  const figures = useMonthFigures(figuresOf);
  const { data, label } = figures;

  return (
    <div className="appointment-figures">
      <MonthChooser {...figures} />
      {!data && <div className="table-placeholder" />}
      {data && <FiguresTable figures={data} label={label} serviceNames={serviceNames} />}
    </div>
  );
}
