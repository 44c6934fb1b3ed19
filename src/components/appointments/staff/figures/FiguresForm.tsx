import { FIGURES_PRESETS, type StaffFiguresQuery } from "../../../../lib/appointments/staff-figures-api";
import type { FieldErrors } from "../../../../lib/kit/problem";
import { Field } from "../../../forms/Field";
import { PeriodForm } from "../../../forms/PeriodForm";

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
 * (this month, last month, the last 90 days) or any days of at most a year, on the consoles' period form.
 */
export function FiguresForm({ initial, points, errors, message, onSubmit }: Props) {
  return (
    <PeriodForm
      initial={initial}
      presets={FIGURES_PRESETS}
      fields={FIGURES_FIELDS}
      errors={errors}
      message={message}
      label="统计范围"
      submitLabel="查看统计"
      onSubmit={onSubmit}
      before={(query, update) =>
        points.length > 1 && (
          <Field id={FIGURES_FIELDS.point.id} label={FIGURES_FIELDS.point.label} error={errors.point}>
            {(a11y) => (
              <select {...a11y} name="point" value={query.point} onChange={(e) => update({ point: e.target.value })}>
                <option value="">全部服务点</option>
                {points.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )
      }
    />
  );
}
