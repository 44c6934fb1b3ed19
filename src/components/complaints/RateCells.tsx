import { formatRate, METRIC_LABELS, RATES } from "../../shared/complaints/figures";
import type { FigureSet } from "../../shared/complaints/wire";

// The rate columns of a figures table, shared by the public figures page (UnitFiguresTable) and the
// console's (console/FiguresTable). Each page's CSS puts a rate and its counts (`.rate`, `.basis`)
// on two lines.

/** The heading of each rate column: its name, then what it divides by what. */
export function RateHeadings() {
  return RATES.map((r) => (
    <th scope="col" key={r.id}>
      {r.label}{" "}
      <span className="basis">
        {METRIC_LABELS[r.numerator]}/{METRIC_LABELS[r.denominator]}
      </span>
    </th>
  ));
}

/** The cells of one row: the count received, then each rate over the two counts it is made of. */
export function RateCells({ figures }: { figures: FigureSet }) {
  return (
    <>
      <td>{figures.counts.received}</td>
      {RATES.map((r) => (
        <td key={r.id}>
          {/* The space keeps "85.7% 12/14" two words for a screen reader. */}
          <span className="rate">{formatRate(figures.rates[r.id])}</span>{" "}
          <span className="basis">
            {figures.counts[r.numerator]}/{figures.counts[r.denominator]}
          </span>
        </td>
      ))}
    </>
  );
}
