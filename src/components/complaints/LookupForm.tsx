import { type FormEvent, useState } from "react";
import { trackByPhone } from "../../lib/complaints/api";
import { refusalOf } from "../../lib/kit/problem";
import { TrackByPhoneSchema } from "../../shared/complaints/schemas";
import type { TrackingView } from "../../shared/complaints/wire";
import { ErrorSummary } from "../forms/ErrorSummary";
import { Field } from "../forms/Field";
import { PhoneInput } from "../forms/inputs";
import { useForm } from "../forms/useForm";

const FIELDS = { caseNumber: "lookup-case", phone: "lookup-phone" };

/** Finds a case by its number and the phone given for the callback. */
export function LookupForm({ onFound }: { onFound: (view: TrackingView) => void }) {
  const [caseNumber, setCaseNumber] = useState("");
  const [phone, setPhone] = useState("");
  const form = useForm({ targets: FIELDS });
  const errors = form.errors;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (form.busy) return;
    const checked = form.check(TrackByPhoneSchema, { caseNumber, phone }, { quiet: true });
    if (!checked) return;
    await form.run(async () => onFound(await trackByPhone(checked.caseNumber, checked.phone)), {
      onError: (err) => refusalOf(err, "查询没有成功，请稍后再试。"),
    });
  };

  return (
    <form className="case-form" noValidate onSubmit={submit} aria-labelledby="lookup-heading">
      <h2 id="lookup-heading">用案件编号和手机号查询</h2>
      <p className="muted">适用于提交时选择了“需要回访”并留了手机号的投诉。</p>
      <ErrorSummary message={form.message} />
      <Field id={FIELDS.caseNumber} label="案件编号" hint="形如 261127-0042" error={errors.caseNumber}>
        {(a11y) => (
          <input
            {...a11y}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            value={caseNumber}
            onChange={(e) => setCaseNumber(e.target.value)}
          />
        )}
      </Field>
      <Field id={FIELDS.phone} label="手机号码" error={errors.phone}>
        {(a11y) => <PhoneInput {...a11y} value={phone} onChange={setPhone} />}
      </Field>
      <button type="submit" aria-disabled={form.busy}>
        {form.busy ? "正在查询…" : "查询"}
      </button>
    </form>
  );
}
