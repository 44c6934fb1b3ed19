import { PERIOD_PRESETS } from "../../../lib/complaints/console-figures";
import type { FieldErrors } from "../../../lib/kit/problem";
import type { FiguresGrouping } from "../../../shared/complaints/console-wire";
import { FieldError } from "../../forms/Field";
import { PeriodForm as ConsolePeriodForm } from "../../forms/PeriodForm";

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
  return (
    <ConsolePeriodForm
      initial={initial}
      presets={PERIOD_PRESETS}
      fields={PERIOD_FIELDS}
      errors={errors}
      message={message}
      label="统计时段"
      submitLabel="查看指标"
      onSubmit={onSubmit}
      after={(query, update) => (
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
                onChange={() => update({ by: g.value })}
              />
              <label htmlFor={`figures-by-${g.value}`}>{g.label}</label>
            </div>
          ))}
        </fieldset>
      )}
    />
  );
}
