import { useState } from "react";
import type { FieldErrors } from "../../lib/kit/problem";
import { NO_FILTER, type SweepFilter } from "../../lib/sweeps/filters";
import { SweepListQuerySchema } from "../../shared/sweeps/schemas";
import { CommunitySelect } from "../forms/CommunitySelect";
import { Field } from "../forms/Field";
import { FilterForm } from "../forms/FilterForm";
import { useForm } from "../forms/useForm";

export interface CommunityOption {
  id: string;
  name: string;
  subdistrict: string;
}

export const FILTER_FIELDS = {
  community: { id: "sweep-community", label: "社区" },
  from: { id: "sweep-from", label: "起始日期" },
  to: { id: "sweep-to", label: "结束日期" },
  minors: { id: "sweep-minors", label: "只看未成年人可参加的" },
};

interface Props {
  communities: CommunityOption[];
  initial: SweepFilter;
  serverErrors: FieldErrors;
  serverMessage?: string;
  onSearch: (filter: SweepFilter) => void;
}

/** The list's filters: community, a date range (China-time days) and "open to minors". */
export function SweepFilters({ communities, initial, serverErrors, serverMessage, onSearch }: Props) {
  const [filter, setFilter] = useState<SweepFilter>(initial);
  const form = useForm({ targets: FILTER_FIELDS });
  const errors = { ...serverErrors, ...form.errors };
  const set =
    <K extends keyof SweepFilter>(key: K) =>
    (value: SweepFilter[K]) =>
      setFilter((f) => ({ ...f, [key]: value }));

  function submit() {
    // The API's own rules (each day, the period's order and length), so the message sits by the field.
    if (!form.check(SweepListQuerySchema, { from: filter.from || undefined, to: filter.to || undefined })) return;
    onSearch(filter);
  }

  function clear() {
    setFilter(NO_FILTER);
    form.clear();
    onSearch(NO_FILTER);
  }

  return (
    <FilterForm
      label="筛选清扫活动"
      targets={FILTER_FIELDS}
      message={form.message ?? serverMessage}
      errors={errors}
      onSubmit={submit}
      onClear={clear}
      note={<p className="hint muted">日期按北京时间计算，含起止两天。</p>}
    >
      <Field id={FILTER_FIELDS.community.id} label={FILTER_FIELDS.community.label} error={errors.community}>
        {(a11y) => (
          <CommunitySelect
            a11y={a11y}
            name="community"
            communities={communities}
            placeholder="全部社区"
            value={filter.community}
            onChange={set("community")}
          />
        )}
      </Field>
      <Field id={FILTER_FIELDS.from.id} label={FILTER_FIELDS.from.label} error={errors.from}>
        {(a11y) => (
          <input {...a11y} name="from" type="date" value={filter.from} onChange={(e) => set("from")(e.target.value)} />
        )}
      </Field>
      <Field id={FILTER_FIELDS.to.id} label={FILTER_FIELDS.to.label} error={errors.to}>
        {(a11y) => (
          <input {...a11y} name="to" type="date" value={filter.to} onChange={(e) => set("to")(e.target.value)} />
        )}
      </Field>
      <div className="check">
        <input
          id={FILTER_FIELDS.minors.id}
          name="minors"
          type="checkbox"
          checked={filter.minors}
          onChange={(e) => set("minors")(e.target.checked)}
        />
        <label htmlFor={FILTER_FIELDS.minors.id}>{FILTER_FIELDS.minors.label}</label>
      </div>
    </FilterForm>
  );
}
