import type { Figures } from "../../../lib/complaints/console-api";
import { formatDateZh } from "../../../lib/format";
import { type Counts, formatRate, METRIC_LABELS, RATES, type RateId } from "../../../shared/complaints/figures";

function RateCells({ counts, rates }: { counts: Counts; rates: Record<RateId, number | null> }) {
  return (
    <>
      <td>{counts.received}</td>
      {RATES.map((r) => (
        <td key={r.id} className="nowrap">
          <strong>{formatRate(rates[r.id])}</strong>
          <br />
          <span className="muted small-text">
            {counts[r.numerator]} / {counts[r.denominator]}
          </span>
        </td>
      ))}
    </>
  );
}

/** The six rates per unit or category, each with the two counts it is made of, and the total. */
export function FiguresTable({ figures }: { figures: Figures }) {
  const by = figures.by === "unit" ? "处置单位" : "问题类别";
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
    <section className="table-scroll" aria-labelledby="figures-caption" tabIndex={0}>
      <table className="figures">
        <caption id="figures-caption">
          {formatDateZh(figures.from)}至{formatDateZh(figures.to)}，按{by}统计（每格下方为分子 / 分母）
        </caption>
        <thead>
          <tr>
            <th scope="col">{by}</th>
            <th scope="col">收到案件</th>
            {RATES.map((r) => (
              <th scope="col" key={r.id}>
                {r.label}
                <br />
                <span className="small-text">
                  {METRIC_LABELS[r.numerator]} / {METRIC_LABELS[r.denominator]}
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {figures.rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">{row.name}</th>
              <RateCells counts={row.counts} rates={row.rates} />
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">合计</th>
            <RateCells counts={figures.total.counts} rates={figures.total.rates} />
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
