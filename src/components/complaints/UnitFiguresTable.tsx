import type { MonthFigures } from "../../shared/complaints/wire";
import { RateCells, RateHeadings } from "./RateCells";

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
              <RateHeadings />
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
