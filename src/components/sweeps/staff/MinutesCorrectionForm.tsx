import { type FormEvent, useState } from "react";
import { staffDayApi } from "../../../lib/sweeps/staff-api";
import { MinutesCorrectionSchema } from "../../../shared/sweeps/day-schemas";
import type { HoursRow } from "../../../shared/sweeps/wire";
import { ErrorSummary, type FieldTargets } from "../../forms/ErrorSummary";
import { Field } from "../../forms/Field";
import { useForm } from "../../forms/useForm";

const TARGETS: FieldTargets = {
  minutes: { id: "minutes-value", label: "时长（分钟）" },
  reason: { id: "minutes-reason", label: "更正原因" },
};

interface Props {
  sweepId: string;
  row: HoursRow;
  approved: boolean;
  onDone: (row: HoursRow) => void;
  onCancel: () => void;
}

/** One person's minutes corrected, with the reason the audit log keeps. */
export function MinutesCorrectionForm({ sweepId, row, approved, onDone, onCancel }: Props) {
  const [minutes, setMinutes] = useState(row.minutes === null ? "" : String(row.minutes));
  const [reason, setReason] = useState("");
  const form = useForm({ targets: TARGETS });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = form.check(MinutesCorrectionSchema, {
      minutes: minutes.trim() === "" ? Number.NaN : Number(minutes),
      reason,
    });
    if (!input) return;
    await form.run(async () =>
      onDone((await staffDayApi.correctMinutes(sweepId, row.id, input.minutes, input.reason)).row),
    );
  }

  return (
    <form className="form card minutes-form" noValidate onSubmit={submit} aria-labelledby="minutes-heading">
      <h3 id="minutes-heading">更正 {row.name} 的时长</h3>
      {approved && <p className="muted">本场时长已审核：这次更正会作为审核后的更正单独记录。</p>}
      <ErrorSummary message={form.message} errors={form.errors} targets={TARGETS} />
      <Field id="minutes-value" label="时长（分钟）" hint="不超过活动安排的时间" error={form.errors.minutes}>
        {(a11y) => (
          <input
            {...a11y}
            type="number"
            inputMode="numeric"
            min={0}
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
          />
        )}
      </Field>
      <Field id="minutes-reason" label="更正原因" hint="如“忘记签退，领队确认 11:00 离开”" error={form.errors.reason}>
        {(a11y) => (
          <input {...a11y} type="text" maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} />
        )}
      </Field>
      <div className="actions">
        <button type="submit" aria-disabled={form.busy || undefined}>
          {form.busy ? "正在保存…" : "保存更正"}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          取消
        </button>
      </div>
    </form>
  );
}
