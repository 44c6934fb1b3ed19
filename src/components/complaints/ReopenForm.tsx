import { type FormEvent, useState } from "react";
import { reopenCase } from "../../lib/complaints/api";
import { refusalOf } from "../../lib/kit/problem";
import { ReopenSchema } from "../../shared/complaints/schemas";
import type { TrackingView } from "../../shared/complaints/wire";
import { formatDateTimeZh } from "../../shared/time";
import { ErrorSummary } from "../forms/ErrorSummary";
import { Field } from "../forms/Field";
import { useForm } from "../forms/useForm";

interface Props {
  token: string;
  reopenUntil: string;
  onDone: (view: TrackingView, message: string) => void;
}

/** "申请复核": the reporter says the problem is not fixed, within the window after closure. */
export function ReopenForm({ token, reopenUntil, onDone }: Props) {
  const [reason, setReason] = useState("");
  const form = useForm({ targets: { reason: "reopen-reason" } });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (form.busy) return;
    const checked = form.check(ReopenSchema, { reason }, { quiet: true });
    if (!checked) return;
    await form.run(async () => onDone(await reopenCase(token, checked.reason), "已申请复核，工作人员会重新核查。"), {
      onError: (err) => refusalOf(err, "申请没有提交成功，请稍后再试。"),
    });
  };

  return (
    <form className="case-form" noValidate onSubmit={submit} aria-labelledby="reopen-heading">
      <h3 id="reopen-heading">问题没有解决？申请复核</h3>
      <p>在 {formatDateTimeZh(reopenUntil)} 前可以申请复核，工作人员会到现场重新核查。</p>
      <ErrorSummary message={form.message} />
      <Field id="reopen-reason" label="原因（至少 5 个字）" error={form.errors.reason}>
        {(a11y) => (
          <textarea {...a11y} rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
        )}
      </Field>
      <button type="submit" aria-disabled={form.busy}>
        {form.busy ? "正在提交…" : "申请复核"}
      </button>
    </form>
  );
}
