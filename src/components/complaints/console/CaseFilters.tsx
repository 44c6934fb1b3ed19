import { useState } from "react";
import type { CaseFilter } from "../../../lib/complaints/console-api";
import type { FieldErrors } from "../../../lib/kit/problem";
import { CaseListQuerySchema } from "../../../shared/complaints/staff-schemas";
import { STATE_LABELS, STATES } from "../../../shared/complaints/states";
import { COMMUNITIES } from "../../../shared/geo";
import type { Unit } from "../../../shared/staff/wire";
import { CommunitySelect } from "../../forms/CommunitySelect";
import { Field } from "../../forms/Field";
import { FilterForm } from "../../forms/FilterForm";
import { useForm } from "../../forms/useForm";
import { UnitSelect } from "../../staff/UnitSelect";
import { CategorySelect } from "./CategorySelect";

export const CASE_FILTER_FIELDS = {
  state: { id: "filter-state", label: "状态" },
  unitId: { id: "filter-unit", label: "处置单位" },
  categoryId: { id: "filter-category", label: "问题类别" },
  communityId: { id: "filter-community", label: "所在社区" },
  q: { id: "filter-q", label: "案件编号" },
};

interface Props {
  filter: CaseFilter;
  /** Units to filter by: empty for roles that cannot read them (a unit sees only its own cases anyway). */
  units: Unit[];
  /** The state filter belongs to the 全部 view; the others fix the states they show. */
  showState: boolean;
  serverErrors: FieldErrors;
  serverMessage?: string;
  onSearch: (filter: CaseFilter) => void;
}

/** Narrows the list by state, unit, category, community or an exact case number. */
export function CaseFilters({ filter, units, showState, serverErrors, serverMessage, onSearch }: Props) {
  const [draft, setDraft] = useState<CaseFilter>(filter);
  const form = useForm({ targets: CASE_FILTER_FIELDS });
  const fields = { ...serverErrors, ...form.errors };
  const set = (key: keyof Omit<CaseFilter, "view">) => (value: string) =>
    setDraft((f) => ({ ...f, [key]: value || undefined }));

  function submit() {
    const next: CaseFilter = { ...draft, q: draft.q?.trim() || undefined };
    if (!showState) next.state = undefined;
    if (!form.check(CaseListQuerySchema, Object.fromEntries(Object.entries(next).filter(([, v]) => v)))) return;
    onSearch(next);
  }

  function clear() {
    setDraft({ view: filter.view });
    form.clear();
    onSearch({ view: filter.view });
  }

  return (
    <FilterForm
      label="筛选案件"
      targets={CASE_FILTER_FIELDS}
      message={form.message ?? serverMessage}
      errors={fields}
      onSubmit={submit}
      onClear={clear}
    >
      {showState && (
        <Field id={CASE_FILTER_FIELDS.state.id} label={CASE_FILTER_FIELDS.state.label} error={fields.state}>
          {(a11y) => (
            <select {...a11y} name="state" value={draft.state ?? ""} onChange={(e) => set("state")(e.target.value)}>
              <option value="">全部状态</option>
              {STATES.map((s) => (
                <option key={s} value={s}>
                  {STATE_LABELS[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {units.length > 0 && (
        <Field id={CASE_FILTER_FIELDS.unitId.id} label={CASE_FILTER_FIELDS.unitId.label} error={fields.unitId}>
          {(a11y) => (
            <UnitSelect
              a11y={a11y}
              name="unitId"
              value={draft.unitId ?? ""}
              units={units}
              required={false}
              placeholder="全部单位"
              onChange={set("unitId")}
            />
          )}
        </Field>
      )}
      <Field
        id={CASE_FILTER_FIELDS.categoryId.id}
        label={CASE_FILTER_FIELDS.categoryId.label}
        error={fields.categoryId}
      >
        {(a11y) => (
          <CategorySelect
            a11y={a11y}
            name="categoryId"
            value={draft.categoryId ?? ""}
            placeholder="全部类别"
            onChange={set("categoryId")}
          />
        )}
      </Field>
      <Field
        id={CASE_FILTER_FIELDS.communityId.id}
        label={CASE_FILTER_FIELDS.communityId.label}
        error={fields.communityId}
      >
        {(a11y) => (
          <CommunitySelect
            a11y={a11y}
            name="communityId"
            communities={COMMUNITIES}
            value={draft.communityId ?? ""}
            placeholder="全部社区"
            onChange={set("communityId")}
          />
        )}
      </Field>
      <Field
        id={CASE_FILTER_FIELDS.q.id}
        label={CASE_FILTER_FIELDS.q.label}
        hint="完整编号，形如 261127-0042。"
        error={fields.q}
      >
        {(a11y) => (
          <input
            {...a11y}
            name="q"
            type="search"
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
            maxLength={13}
            value={draft.q ?? ""}
            onChange={(e) => set("q")(e.target.value)}
          />
        )}
      </Field>
    </FilterForm>
  );
}
