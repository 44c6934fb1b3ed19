import { type FormEvent, useState } from "react";
import * as v from "valibot";
import { trackByPhone } from "../../lib/complaints/api";
import { ApiError } from "../../lib/complaints/api-error";
import type { TrackingView } from "../../lib/complaints/types";
import { TrackByPhoneSchema } from "../../shared/complaints/schemas";
import { Field } from "../forms/Field";

/** Finds a case by its number and the phone given for the callback. */
export function LookupForm({ onFound }: { onFound: (view: TrackingView) => void }) {
  const [caseNumber, setCaseNumber] = useState("");
  const [phone, setPhone] = useState("");
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [refused, setRefused] = useState("");
  const [sending, setSending] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (sending) return;
    const checked = v.safeParse(TrackByPhoneSchema, { caseNumber, phone });
    setRefused("");
    if (!checked.success) {
      const nested = v.flatten<typeof TrackByPhoneSchema>(checked.issues).nested ?? {};
      setErrors({ caseNumber: nested.caseNumber?.[0], phone: nested.phone?.[0] });
      document.getElementById(nested.caseNumber ? "lookup-case" : "lookup-phone")?.focus();
      return;
    }
    setErrors({});
    setSending(true);
    try {
      onFound(await trackByPhone(checked.output.caseNumber, checked.output.phone));
    } catch (err) {
      setRefused(err instanceof ApiError ? err.message : "查询没有成功，请稍后再试。");
    } finally {
      setSending(false);
    }
  };

  return (
    <form className="case-form" noValidate onSubmit={submit} aria-labelledby="lookup-heading">
      <h2 id="lookup-heading">用案件编号和手机号查询</h2>
      <p className="muted">适用于提交时选择了“需要回访”并留了手机号的投诉。</p>
      <div role="alert">{refused && <p className="field-error">{refused}</p>}</div>
      <Field id="lookup-case" label="案件编号" hint="形如 261127-0042" error={errors.caseNumber}>
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
      <Field id="lookup-phone" label="手机号码" error={errors.phone}>
        {(a11y) => (
          <input
            {...a11y}
            type="tel"
            inputMode="numeric"
            autoComplete="tel-national"
            maxLength={11}
            value={phone}
            onChange={(e) => setPhone(e.target.value.replace(/\D/g, ""))}
          />
        )}
      </Field>
      <button type="submit" aria-disabled={sending}>
        {sending ? "正在查询…" : "查询"}
      </button>
    </form>
  );
}
