import { monthFigures } from "../../lib/complaints/api";
import { formatDateZh } from "../../shared/time";
import { MonthChooser, useMonthFigures } from "../forms/MonthFigures";
import { FiguresSummary } from "./FiguresSummary";
import { UnitFiguresTable } from "./UnitFiguresTable";

/**
 * The published figures of one month: the six rates bureau-wide, then per unit. The months are
 * reckoned in the browser, not at build time, so the list is never stale; until the island runs
 * (or without JavaScript) the page shows the headings and an empty summary of the same size.
 */
export default function ComplaintFigures() {
  const figures = useMonthFigures(monthFigures);
  const { data, label } = figures;

  return (
    <div className="complaint-figures">
      <MonthChooser {...figures} />
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
