import { useState } from "react";
import type { StaffSweepFilter } from "../../../lib/sweeps/staff-list";
import { STATE_LABELS } from "../../../lib/sweeps/staff-list";
import { COMMUNITIES } from "../../../shared/geo";
import { SWEEP_STATES, type SweepState } from "../../../shared/sweeps/wire";
import { CommunitySelect } from "../../forms/CommunitySelect";
import type { FieldTargets } from "../../forms/ErrorSummary";
import { Field } from "../../forms/Field";
import { FilterForm } from "../../forms/FilterForm";

const TARGETS: FieldTargets = {
  community: { id: "f-community", label: "社区" },
  from: { id: "f-from", label: "开始日期" },
  to: { id: "f-to", label: "结束日期" },
  state: { id: "f-state", label: "状态" },
};

interface Props {
  filter: StaffSweepFilter;
  onApply: (filter: StaffSweepFilter) => void;
  onClear: () => void;
}

/** The list's filters: community, a period of China-time days, state. */
export function StaffSweepFilters({ filter, onApply, onClear }: Props) {
  const [draft, setDraft] = useState(filter);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (change: Partial<StaffSweepFilter>) => setDraft((d) => ({ ...d, ...change }));
  return (
    <FilterForm
      label="筛选活动"
      targets={TARGETS}
      message={Object.keys(errors).length ? "请修改以下内容：" : undefined}
      errors={errors}
      onSubmit={() => {
        const wrong: Record<string, string> =
          draft.from && draft.to && draft.from > draft.to ? { to: "结束日期不能早于开始日期" } : {};
        setErrors(wrong);
        if (Object.keys(wrong).length === 0) onApply(draft);
        else document.getElementById("f-to")?.focus();
      }}
      onClear={() => {
        setDraft({ community: "", from: "", to: "", state: "" });
        setErrors({});
        onClear();
      }}
    >
      <Field id="f-community" label="社区">
        {(a11y) => (
          <CommunitySelect
            a11y={a11y}
            communities={COMMUNITIES}
            value={draft.community}
            placeholder="全部社区"
            onChange={(community) => set({ community })}
          />
        )}
      </Field>
      <Field id="f-from" label="开始日期">
        {(a11y) => <input {...a11y} type="date" value={draft.from} onChange={(e) => set({ from: e.target.value })} />}
      </Field>
      <Field id="f-to" label="结束日期" error={errors.to}>
        {(a11y) => <input {...a11y} type="date" value={draft.to} onChange={(e) => set({ to: e.target.value })} />}
      </Field>
      <Field id="f-state" label="状态">
        {(a11y) => (
          <select {...a11y} value={draft.state} onChange={(e) => set({ state: e.target.value as SweepState | "" })}>
            <option value="">全部状态</option>
            {SWEEP_STATES.map((s) => (
              <option key={s} value={s}>
                {STATE_LABELS[s]}
              </option>
            ))}
          </select>
        )}
      </Field>
    </FilterForm>
  );
}
