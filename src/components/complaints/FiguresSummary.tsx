import { formatRate, METRIC_LABELS, RATES } from "../../shared/complaints/figures";
import type { FigureSet } from "../../shared/complaints/wire";

/**
 * The six rates as large figures, each with the two counts it is made of. Before the figures
 * arrive the same list stands with "…" in place of the numbers, so nothing moves when they do.
 */
export function FiguresSummary({ total }: { total: FigureSet | null }) {
  return (
    <dl className="rate-summary">
      {RATES.map((r) => (
        <div key={r.id}>
          <dt>{r.label}</dt>
          <dd className="rate-figure">{total ? formatRate(total.rates[r.id]) : "…"}</dd>
          <dd className="rate-basis">
            <span>
              {METRIC_LABELS[r.numerator]} {total?.counts[r.numerator] ?? "…"}
            </span>{" "}
            /{" "}
            <span>
              {METRIC_LABELS[r.denominator]} {total?.counts[r.denominator] ?? "…"}
            </span>
          </dd>
        </div>
      ))}
    </dl>
  );
}
