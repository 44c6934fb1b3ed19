import { type FormEvent, useState } from "react";
import { FIGURES_PRESETS, type StaffFiguresQuery } from "../../../../lib/appointments/staff-figures-api";
import type { FieldErrors } from "../../../../lib/kit/problem";
import { ErrorSummary } from "../../../forms/ErrorSummary";
import { Field } from "../../../forms/Field";

export const FIGURES_FIELDS = {
  point: { id: "figures-point", label: "服务点" },
  from: { id: "figures-from", label: "起始日期" },
  to: { id: "figures-to", label: "结束日期" },
};

interface Props {
  initial: StaffFiguresQuery;
  /** The points the account reaches: a choice between them only when there is more than one. */
  points: { id: string; name: string }[];
  errors: FieldErrors;
  message?: string;
  onSubmit: (query: StaffFiguresQuery) => void;
}

/**
 * The service point (for the centre: all of them or one) and the period: a ready-made one at a tap
 * (this month, last month, the last 90 days) or any days of at most a year, as the complaints
 * console's period form does.
 */
export function FiguresForm({ initial, points, errors, message, onSubmit }: Props) {
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
      <ErrorSummary message={message} errors={errors} targets={FIGURES_FIELDS} />
      <form className="card filters-form" noValidate onSubmit={submit} aria-label="统计范围">
        <fieldset className="presets">
          <legend>常用时段</legend>
          <div className="actions">
            {FIGURES_PRESETS.map((p) => (
              <button key={p.id} type="button" className="secondary" onClick={() => preset(p.period())}>
                {p.label}
              </button>
            ))}
          </div>
        </fieldset>
        <div className="filter-grid">
          {points.length > 1 && (
            <Field id={FIGURES_FIELDS.point.id} label={FIGURES_FIELDS.point.label} error={errors.point}>
              {(a11y) => (
                <select
                  {...a11y}
                  name="point"
                  value={query.point}
                  onChange={(e) => setQuery((q) => ({ ...q, point: e.target.value }))}
                >
                  <option value="">全部服务点</option>
                  {points.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          <Field id={FIGURES_FIELDS.from.id} label={FIGURES_FIELDS.from.label} error={errors.from}>
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
          <Field id={FIGURES_FIELDS.to.id} label={FIGURES_FIELDS.to.label} error={errors.to}>
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
        </div>
        <div className="actions">
          <button type="submit">查看统计</button>
        </div>
        <p className="hint muted">日期按北京时间计算，含起止两天，最长一年。</p>
      </form>
    </>
  );
}
