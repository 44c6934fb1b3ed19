import { type FormEvent, type ReactNode, useState } from "react";
import type { FieldErrors } from "../../lib/kit/problem";
import { ErrorSummary } from "./ErrorSummary";
import { Field } from "./Field";

/** China-time days, inclusive, as the consoles' figures APIs take them. */
export interface Period {
  from: string;
  to: string;
}

export interface PeriodPreset {
  id: string;
  label: string;
  period: () => Period;
}

type FieldTargets = { from: { id: string; label: string }; to: { id: string; label: string } } & Record<
  string,
  { id: string; label: string }
>;

/** A form's own fields beside the period: given the query and a way to change it. */
type Extra<Q> = (query: Q, update: (change: Partial<Q>) => void) => ReactNode;

interface Props<Q extends Period> {
  initial: Q;
  presets: readonly PeriodPreset[];
  /** Every field's id and label, for the error summary's links (from and to at least). */
  fields: FieldTargets;
  errors: FieldErrors;
  message?: string;
  /** The form's accessible name. */
  label: string;
  submitLabel: string;
  /** Fields before the dates (a choice of place) and after them (a grouping). */
  before?: Extra<Q>;
  after?: Extra<Q>;
  onSubmit: (query: Q) => void;
}

/**
 * The consoles' period form: ready-made periods at a tap, or any days (at most a year, checked by
 * the API's rule where it is submitted), with the form's own fields around the dates. The complaints'
 * figures and the service points' figures use it.
 */
export function PeriodForm<Q extends Period>(p: Props<Q>) {
  const [query, setQuery] = useState(p.initial);
  const update = (change: Partial<Q>) => setQuery((q) => ({ ...q, ...change }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    p.onSubmit(query);
  }

  function preset(period: Period) {
    const next = { ...query, ...period };
    setQuery(next);
    p.onSubmit(next);
  }

  return (
    <>
      <ErrorSummary message={p.message} errors={p.errors} targets={p.fields} />
      <form className="card filters-form" noValidate onSubmit={submit} aria-label={p.label}>
        <fieldset className="presets">
          <legend>常用时段</legend>
          <div className="actions">
            {p.presets.map((x) => (
              <button key={x.id} type="button" className="secondary" onClick={() => preset(x.period())}>
                {x.label}
              </button>
            ))}
          </div>
        </fieldset>
        <div className="filter-grid">
          {p.before?.(query, update)}
          <Field id={p.fields.from.id} label={p.fields.from.label} error={p.errors.from}>
            {(a11y) => (
              <input
                {...a11y}
                name="from"
                type="date"
                value={query.from}
                onChange={(e) => update({ from: e.target.value } as Partial<Q>)}
              />
            )}
          </Field>
          <Field id={p.fields.to.id} label={p.fields.to.label} error={p.errors.to}>
            {(a11y) => (
              <input
                {...a11y}
                name="to"
                type="date"
                value={query.to}
                onChange={(e) => update({ to: e.target.value } as Partial<Q>)}
              />
            )}
          </Field>
          {p.after?.(query, update)}
        </div>
        <div className="actions">
          <button type="submit">{p.submitLabel}</button>
        </div>
        <p className="hint muted">日期按北京时间计算，含起止两天，最长一年。</p>
      </form>
    </>
  );
}
