import { Fragment } from "react";
import { METRIC_LABELS, RATES } from "../../../shared/complaints/figures";

/** How each rate is computed, from the one definition the API and the public page share. */
export function RateDefinitions() {
  return (
    <section aria-labelledby="definitions-heading">
      <h2 id="definitions-heading">指标定义</h2>
      <dl className="definitions">
        {RATES.map((r) => (
          <Fragment key={r.id}>
            <dt>{r.label}</dt>
            <dd>
              {r.definition}
              <span className="muted">
                （分子：{METRIC_LABELS[r.numerator]}；分母：{METRIC_LABELS[r.denominator]}）
              </span>
            </dd>
          </Fragment>
        ))}
      </dl>
    </section>
  );
}
