import { useState } from "react";
import type { FieldErrors } from "../../lib/kit/problem";
import type { AuditFilter } from "../../lib/staff/api";
import { AUDIT_ACTIONS } from "../../shared/staff/audit-actions";
import { AuditQuerySchema } from "../../shared/staff/schemas";
import { Field } from "../forms/Field";
import { FilterForm } from "../forms/FilterForm";
import { EmailInput } from "../forms/inputs";
import { useForm } from "../forms/useForm";

export const AUDIT_FIELDS = {
  actor: { id: "audit-actor", label: "操作人邮箱" },
  action: { id: "audit-action", label: "操作类型" },
  from: { id: "audit-from", label: "起始日期" },
  to: { id: "audit-to", label: "结束日期" },
  limit: { id: "audit-limit", label: "每页条数" },
};

const PAGE_SIZES = ["20", "50", "100", "200"];

interface Props {
  initial: AuditFilter;
  /** Errors the API gave for the last search. */
  serverErrors: FieldErrors;
  serverMessage?: string;
  onSearch: (filter: AuditFilter) => void;
}

/** The audit log's filters: who, what, a date range (China-time days, as staff read them), page size. */
export function AuditFilters({ initial, serverErrors, serverMessage, onSearch }: Props) {
  const [filter, setFilter] = useState<AuditFilter>(initial);
  const form = useForm({ targets: AUDIT_FIELDS });
  const fields = { ...serverErrors, ...form.errors };
  const set = (key: keyof AuditFilter) => (value: string) => setFilter((f) => ({ ...f, [key]: value }));

  function submit() {
    // The API's own period rule: a day that exists, and not a reversed period.
    if (!form.check(AuditQuerySchema, { from: filter.from || undefined, to: filter.to || undefined })) return;
    onSearch({ ...filter, actor: filter.actor?.trim() });
  }

  function clear() {
    setFilter({});
    form.clear();
    onSearch({});
  }

  return (
    <FilterForm
      targets={AUDIT_FIELDS}
      message={form.message ?? serverMessage}
      errors={fields}
      onSubmit={submit}
      onClear={clear}
      note={<p className="hint muted">起止日期按北京时间计算，含起止两天；表中时间也是北京时间。</p>}
    >
      <Field id={AUDIT_FIELDS.actor.id} label={AUDIT_FIELDS.actor.label} error={fields.actor}>
        {(a11y) => (
          <EmailInput {...a11y} name="actor" autoComplete="off" value={filter.actor ?? ""} onChange={set("actor")} />
        )}
      </Field>
      <Field id={AUDIT_FIELDS.action.id} label={AUDIT_FIELDS.action.label} error={fields.action}>
        {(a11y) => (
          <select {...a11y} name="action" value={filter.action ?? ""} onChange={(e) => set("action")(e.target.value)}>
            <option value="">全部操作</option>
            {Object.entries(AUDIT_ACTIONS).map(([action, label]) => (
              <option key={action} value={action}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={AUDIT_FIELDS.from.id} label={AUDIT_FIELDS.from.label} error={fields.from}>
        {(a11y) => (
          <input
            {...a11y}
            name="from"
            type="date"
            value={filter.from ?? ""}
            onChange={(e) => set("from")(e.target.value)}
          />
        )}
      </Field>
      <Field id={AUDIT_FIELDS.to.id} label={AUDIT_FIELDS.to.label} error={fields.to}>
        {(a11y) => (
          <input {...a11y} name="to" type="date" value={filter.to ?? ""} onChange={(e) => set("to")(e.target.value)} />
        )}
      </Field>
      <Field id={AUDIT_FIELDS.limit.id} label={AUDIT_FIELDS.limit.label} error={fields.limit}>
        {(a11y) => (
          <select {...a11y} name="limit" value={filter.limit ?? "50"} onChange={(e) => set("limit")(e.target.value)}>
            {PAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size} 条
              </option>
            ))}
          </select>
        )}
      </Field>
    </FilterForm>
  );
}
