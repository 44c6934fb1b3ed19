import type { FigureSet, MonthFigures } from "../../lib/complaints/types";
import { formatRate, METRIC_LABELS, RATES } from "../../shared/complaints/figures";

function RateCells({ figures }: { figures: FigureSet }) {
  return (
    <>
      <td>{figures.counts.received}</td>
      {RATES.map((r) => (
        <td key={r.id}>
          {/* The space keeps "85.7% 12/14" two words for a screen reader; the CSS puts them on two lines. */}
          <span className="rate">{formatRate(figures.rates[r.id])}</span>{" "}
          <span className="basis">
            {figures.counts[r.numerator]}/{figures.counts[r.denominator]}
          </span>
        </td>
      ))}
    </>
  );
}

/**
 * One row per unit with its six rates and the counts behind each, the bureau-wide row last. On a
 * phone the table scrolls sideways inside its own region, which keyboard users can focus and
 * screen readers announce by the caption.
 */
export function UnitFiguresTable({ figures, caption }: { figures: MonthFigures; caption: string }) {
  return (
    <>
      <p className="muted">每格下方为分子/分母；“—”表示没有可计算的案件。表格较宽时可左右滑动。</p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1). */}
      <section className="table-scroll" aria-labelledby="units-caption" tabIndex={0}>
        <table className="figures-table">
          <caption id="units-caption">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">处置单位</th>
              <th scope="col">收到投诉</th>
              {RATES.map((r) => (
                <th scope="col" key={r.id}>
                  {r.label}{" "}
                  <span className="basis">
                    {METRIC_LABELS[r.numerator]}/{METRIC_LABELS[r.denominator]}
                  </span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {figures.units.map((u) => (
              <tr key={u.id}>
                <th scope="row">{u.name}</th>
                <RateCells figures={u} />
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">全区合计</th>
              <RateCells figures={figures.total} />
            </tr>
          </tfoot>
        </table>
      </section>
    </>
  );
}
