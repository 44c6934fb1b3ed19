import type { Figures } from "../../../shared/complaints/console-wire";
import { formatDateZh } from "../../../shared/time";
import { RateCells, RateHeadings } from "../RateCells";

/** The six rates per unit or category, each with the two counts it is made of, and the total. */
export function FiguresTable({ figures }: { figures: Figures }) {
  const by = figures.by === "unit" ? "处置单位" : "问题类别";
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
    <section className="table-scroll" aria-labelledby="figures-caption" tabIndex={0}>
      <table className="figures">
        <caption id="figures-caption">
          {formatDateZh(figures.from)}至{formatDateZh(figures.to)}，按{by}统计（每格下方为分子/分母）
        </caption>
        <thead>
          <tr>
            <th scope="col">{by}</th>
            <th scope="col">收到案件</th>
            <RateHeadings />
          </tr>
        </thead>
        <tbody>
          {figures.rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">{row.name}</th>
              <RateCells figures={row} />
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">合计</th>
            <RateCells figures={figures.total} />
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
