import { type FormEvent, useState } from "react";
import type { CaseFilter } from "../../../lib/complaints/console-api";
import { checkFields } from "../../../lib/kit/check";
import type { FieldErrors } from "../../../lib/kit/problem";
import { CaseListQuerySchema } from "../../../shared/complaints/staff-schemas";
import { STATE_LABELS, STATES } from "../../../shared/complaints/states";
import type { Unit } from "../../../shared/staff/wire";
import { CommunitySelect } from "../../forms/CommunitySelect";
import { ErrorSummary } from "../../forms/ErrorSummary";
import { Field } from "../../forms/Field";
import { useFocusLater } from "../../forms/useFocusLater";
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
  const [localErrors, setLocalErrors] = useState<FieldErrors>({});
  const focusLater = useFocusLater();
  const fields = { ...serverErrors, ...localErrors };
  const set = (key: keyof Omit<CaseFilter, "view">) => (value: string) =>
    setDraft((f) => ({ ...f, [key]: value || undefined }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next: CaseFilter = { ...draft, q: draft.q?.trim() || undefined };
    if (!showState) next.state = undefined;
    const wrong = checkFields(CaseListQuerySchema, Object.fromEntries(Object.entries(next).filter(([, v]) => v)));
    setLocalErrors(wrong);
    const first = (Object.keys(CASE_FILTER_FIELDS) as (keyof typeof CASE_FILTER_FIELDS)[]).find((k) => wrong[k]);
    if (first) return focusLater(CASE_FILTER_FIELDS[first].id);
    onSearch(next);
  }

  function clear() {
    setDraft({ view: filter.view });
    setLocalErrors({});
    onSearch({ view: filter.view });
  }

  const hasLocal = Object.keys(localErrors).length > 0;
  return (
    <>
      <ErrorSummary
        message={hasLocal ? "请修改以下内容：" : serverMessage}
        errors={fields}
        targets={CASE_FILTER_FIELDS}
      />
      <form className="card filters-form" noValidate onSubmit={submit} aria-label="筛选案件">
        <div className="filter-grid">
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
        </div>
        <div className="actions">
          <button type="submit">筛选</button>
          <button type="button" className="secondary" onClick={clear}>
            清除筛选
          </button>
        </div>
      </form>
    </>
  );
}
