import { type FormEvent, useState } from "react";
import * as v from "valibot";
import { reopenCase } from "../../lib/complaints/api";
import { ApiError } from "../../lib/complaints/api-error";
import { formatDateTime } from "../../lib/complaints/format";
import type { TrackingView } from "../../lib/complaints/types";
import { ReopenSchema } from "../../shared/complaints/schemas";
import { Field } from "../forms/Field";

interface Props {
  token: string;
  reopenUntil: string;
  onDone: (view: TrackingView, message: string) => void;
}

/** "申请复核": the reporter says the problem is not fixed, within the window after closure. */
export function ReopenForm({ token, reopenUntil, onDone }: Props) {
  const [reason, setReason] = useState("");
  const [error, setError] = useState("");
  const [refused, setRefused] = useState("");
  const [sending, setSending] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (sending) return;
    const checked = v.safeParse(ReopenSchema, { reason });
    if (!checked.success) return setError(checked.issues[0].message);
    setError("");
    setSending(true);
    try {
      onDone(await reopenCase(token, checked.output.reason), "已申请复核，工作人员会重新核查。");
    } catch (err) {
      setRefused(err instanceof ApiError ? err.message : "申请没有提交成功，请稍后再试。");
    } finally {
      setSending(false);
    }
  };

  return (
    <form className="case-form" noValidate onSubmit={submit} aria-labelledby="reopen-heading">
      <h3 id="reopen-heading">问题没有解决？申请复核</h3>
      <p>在 {formatDateTime(reopenUntil)} 前可以申请复核，工作人员会到现场重新核查。</p>
      <div role="alert">{refused && <p className="field-error">{refused}</p>}</div>
      <Field id="reopen-reason" label="原因（至少 5 个字）" error={error || undefined}>
        {(a11y) => (
          <textarea {...a11y} rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
        )}
      </Field>
      <button type="submit" aria-disabled={sending}>
        {sending ? "正在提交…" : "申请复核"}
      </button>
    </form>
  );
}
