import { type FormEvent, useState } from "react";
import {
  ACTION_SPECS,
  type ActionValues,
  actionBody,
  actionLabel,
  initialValues,
  suggestedUnit,
} from "../../../lib/complaints/console-actions";
import { casesApi } from "../../../lib/complaints/console-api";
import { ApiError, errorMessage, refusalOf } from "../../../lib/kit/problem";
import type { CaseDetail } from "../../../shared/complaints/console-wire";
import { ACTION_SCHEMAS } from "../../../shared/complaints/staff-schemas";
import type { StaffAction } from "../../../shared/complaints/states";
import type { Unit } from "../../../shared/staff/wire";
import { ErrorSummary } from "../../forms/ErrorSummary";
import { useForm } from "../../forms/useForm";
import { ConfirmStep } from "../../staff/ConfirmStep";
import { ActionFieldControl, focusIdOf } from "./ActionFieldControl";
import { ConflictNotice } from "./ConflictNotice";

interface Props {
  action: StaffAction;
  detail: CaseDetail;
  units: Unit[];
  onDone: (detail: CaseDetail, message: string) => void;
  onCancel: () => void;
  /** Reads the case again after a conflict; the form stays open if the action still applies. */
  onReload: () => Promise<void>;
}

/**
 * The small form of one action: checked in the browser with the API's own schema, sent with the
 * version the page read, a confirmation step first for final or destructive actions.
 */
export function ActionForm({ action, detail, units, onDone, onCancel, onReload }: Props) {
  const spec = ACTION_SPECS[action];
  const label = actionLabel(action);
  const [values, setValues] = useState<ActionValues>(() => initialValues(action, detail));
  const [conflict, setConflict] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const fieldInfo = Object.fromEntries(spec.fields.map((f) => [f.name, { id: focusIdOf(f), label: f.label }]));
  // Without a field to point at, the alert is read out and focus goes back to the submit button
  // (the confirmation step that had it may be gone).
  const form = useForm({ targets: fieldInfo, focusOtherwise: "action-submit" });
  const { busy, focusLater } = form;
  const fields = form.errors;
  const body = () => actionBody(spec, values);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy || !form.check(ACTION_SCHEMAS[action], { ...body(), version: detail.version })) return;
    if (spec.confirm) setConfirming(true);
    else void send();
  }

  async function send() {
    setConflict(null);
    await form.run(
      async () => {
        const fresh = await casesApi.act(detail.id, action, detail.version, body());
        onDone(fresh, spec.done);
      },
      {
        onError: (err) => {
          setConfirming(false);
          if (!(err instanceof ApiError && err.status === 409)) return refusalOf(err);
          form.clear();
          // The API's detail: "该案件刚被他人修改，请刷新后再操作。", or the state that forbids the action.
          setConflict(err.message);
          focusLater("action-conflict");
          return null;
        },
      },
    );
  }

  async function reload() {
    try {
      await onReload();
      setConflict(null);
    } catch (err) {
      setConflict(errorMessage(err));
    }
  }

  const suggestion = action === "dispatch" ? units.find((u) => u.id === suggestedUnit(detail)) : undefined;
  const unitHint = suggestion && `已按问题类别和所在社区预选建议的单位（${suggestion.name}），可以改选。`;
  return (
    <form id="action-form" className="action-form" noValidate onSubmit={submit} aria-labelledby="action-form-heading">
      <h4 id="action-form-heading">{label}</h4>
      {action === "extend" && detail.pendingDays && <p>处置单位申请延期 {detail.pendingDays} 天。</p>}
      <ErrorSummary message={form.message} errors={fields} targets={fieldInfo} />
      <ConflictNotice id="action-conflict" message={conflict} onReload={reload} />
      {spec.fields.map((field) => (
        <ActionFieldControl
          key={field.name}
          field={field}
          value={values[field.name]}
          error={fields[field.name]}
          units={units}
          extraHint={field.kind === "unit" ? unitHint : undefined}
          communityId={detail.communityId}
          onChange={(value) => setValues((v) => ({ ...v, [field.name]: value }))}
        />
      ))}
      {confirming && spec.confirm ? (
        <ConfirmStep
          id="action-confirm"
          question={spec.confirm(detail.caseNumber, body())}
          confirmLabel={`确认${label}`}
          busy={busy}
          onConfirm={() => void send()}
          onCancel={() => {
            setConfirming(false);
            focusLater("action-submit");
          }}
        />
      ) : (
        <div className="actions">
          <button type="submit" id="action-submit" aria-disabled={busy || undefined}>
            {busy ? "正在提交…" : spec.confirm ? "下一步：确认" : `确认${label}`}
          </button>
          <button type="button" className="secondary" onClick={onCancel}>
            取消
          </button>
        </div>
      )}
    </form>
  );
}
