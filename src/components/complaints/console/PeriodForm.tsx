import { type FormEvent, useState } from "react";
import { PERIOD_PRESETS } from "../../../lib/complaints/console-figures";
import type { FieldErrors } from "../../../lib/kit/problem";
import type { FiguresGrouping } from "../../../shared/complaints/console-wire";
import { ErrorSummary } from "../../forms/ErrorSummary";
import { Field, FieldError } from "../../forms/Field";

export interface FiguresQuery {
  from: string;
  to: string;
  by: FiguresGrouping;
}

export const PERIOD_FIELDS = {
  from: { id: "figures-from", label: "起始日期" },
  to: { id: "figures-to", label: "结束日期" },
  by: { id: "figures-by-unit", label: "统计方式" },
};

const GROUPINGS: { value: FiguresGrouping; label: string }[] = [
  { value: "unit", label: "按单位" },
  { value: "category", label: "按类别" },
];

interface Props {
  initial: FiguresQuery;
  errors: FieldErrors;
  message?: string;
  onSubmit: (query: FiguresQuery) => void;
}

/** The period (China-time days, inclusive) with presets, and whether to group by unit or category. */
export function PeriodForm({ initial, errors, message, onSubmit }: Props) {
  const [query, setQuery] = useState(initial);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSubmit(query);
  }

  function preset(period: { from: string; to: string }) {
    const next = { ...query, ...period };
    setQuery(next);
    onSubmit(next);
  }

  return (
    <>
      <ErrorSummary message={message} errors={errors} targets={PERIOD_FIELDS} />
      <form className="card filters-form" noValidate onSubmit={submit} aria-label="统计时段">
        <fieldset className="presets">
          <legend>常用时段</legend>
          <div className="actions">
            {PERIOD_PRESETS.map((p) => (
              <button key={p.id} type="button" className="secondary" onClick={() => preset(p.period())}>
                {p.label}
              </button>
            ))}
          </div>
        </fieldset>
        <div className="filter-grid">
          <Field id={PERIOD_FIELDS.from.id} label={PERIOD_FIELDS.from.label} error={errors.from}>
            {(a11y) => (
              <input
                {...a11y}
                name="from"
                type="date"
                value={query.from}
                onChange={(e) => setQuery((q) => ({ ...q, from: e.target.value }))}
              />
            )}
          </Field>
          <Field id={PERIOD_FIELDS.to.id} label={PERIOD_FIELDS.to.label} error={errors.to}>
            {(a11y) => (
              <input
                {...a11y}
                name="to"
                type="date"
                value={query.to}
                onChange={(e) => setQuery((q) => ({ ...q, to: e.target.value }))}
              />
            )}
          </Field>
          <fieldset className="choices" aria-describedby={errors.by ? "figures-by-error" : undefined}>
            <legend>{PERIOD_FIELDS.by.label}</legend>
            <FieldError id="figures-by" error={errors.by} />
            {GROUPINGS.map((g) => (
              <div className="check" key={g.value}>
                <input
                  type="radio"
                  id={`figures-by-${g.value}`}
                  name="by"
                  checked={query.by === g.value}
                  onChange={() => setQuery((q) => ({ ...q, by: g.value }))}
                />
                <label htmlFor={`figures-by-${g.value}`}>{g.label}</label>
              </div>
            ))}
          </fieldset>
        </div>
        <div className="actions">
          <button type="submit">查看指标</button>
        </div>
        <p className="hint muted">日期按北京时间计算，含起止两天，最长一年。</p>
      </form>
    </>
  );
}
