import { type FormEvent, useState } from "react";
import { ApiError, refusalOf } from "../../../lib/kit/problem";
import { staffSweepsApi } from "../../../lib/sweeps/staff-api";
import { CancelSweepSchema } from "../../../shared/sweeps/staff-schemas";
import type { StaffSweep, StaffSweepResult } from "../../../shared/sweeps/wire";
import { ConflictNotice } from "../../complaints/console/ConflictNotice";
import { ErrorSummary, type FieldTargets } from "../../forms/ErrorSummary";
import { Field } from "../../forms/Field";
import { useForm } from "../../forms/useForm";

const TARGETS: FieldTargets = { reason: { id: "cancel-reason", label: "取消原因" } };

interface Props {
  sweep: StaffSweep;
  onCancelled: (result: StaffSweepResult) => void;
  onReload: () => Promise<void>;
}

/** Cancels the sweep with a reason; everyone signed up or waiting is told (the API writes it in the same batch). */
export function SweepCancelForm({ sweep, onCancelled, onReload }: Props) {
  const [reason, setReason] = useState("");
  const [conflict, setConflict] = useState<string | null>(null);
  const form = useForm({ targets: TARGETS });
  const told = sweep.placesTaken + sweep.waitlisted;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setConflict(null);
    const input = form.check(CancelSweepSchema, { version: sweep.version, reason });
    if (!input) return;
    await form.run(async () => onCancelled(await staffSweepsApi.cancel(sweep.id, sweep.version, reason)), {
      onError: (err) => {
        if (err instanceof ApiError && err.status === 409) {
          setConflict(`${err.message} 活动没有取消。`);
          form.focusLater("cancel-conflict");
          return null;
        }
        return refusalOf(err);
      },
    });
  }

  return (
    <section className="sweep-cancel" aria-labelledby="cancel-heading">
      <h2 id="cancel-heading">取消活动</h2>
      <ConflictNotice id="cancel-conflict" message={conflict} onReload={onReload} />
      <ErrorSummary message={form.message} errors={form.errors} targets={TARGETS} />
      <form className="form" noValidate onSubmit={submit} aria-labelledby="cancel-heading">
        <Field
          id="cancel-reason"
          label="取消原因"
          hint={`会发给已报名和候补的 ${told} 人，并显示在他们的报名管理页面上。`}
          error={form.errors.reason}
        >
          {(a11y) => (
            <textarea {...a11y} rows={2} maxLength={300} value={reason} onChange={(e) => setReason(e.target.value)} />
          )}
        </Field>
        <div className="actions">
          <button type="submit" className="danger" aria-disabled={form.busy || undefined}>
            {form.busy ? "正在取消…" : `取消活动并通知 ${told} 人`}
          </button>
        </div>
      </form>
    </section>
  );
}
