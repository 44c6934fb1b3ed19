import { type FormEvent, useState } from "react";
import { ApiError, refusalOf } from "../../../lib/kit/problem";
import { DESK_NOTE_MAX, DeskNoteSchema } from "../../../shared/appointments/desk-schemas";
import type { DeskEntry, DeskStepResult } from "../../../shared/appointments/wire";
import { ErrorSummary } from "../../forms/ErrorSummary";
import { Field } from "../../forms/Field";
import { useForm } from "../../forms/useForm";

interface Props {
  entry: DeskEntry;
  save: (note: string, previous: string | null) => Promise<DeskStepResult>;
  onDone: (message: string) => void;
  onCancel: () => void;
}

/**
 * The desk's note on one visit, saved over the note this tablet saw: when another tablet saved one
 * meanwhile, that note is shown and nothing is overwritten until the clerk saves again.
 */
/** The note's field: DeskList moves focus into it when the form opens. */
export const noteFieldId = (entryId: number) => `note-${entryId}`;

export function DeskNoteForm({ entry, save, onDone, onCancel }: Props) {
  const id = noteFieldId(entry.id);
  const targets = { note: { id, label: "备注" } };
  const form = useForm({ targets });
  const [note, setNote] = useState(entry.note ?? "");
  const [seen, setSeen] = useState(entry.note);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!form.check(DeskNoteSchema, { note, previous: seen }, { quiet: true })) return;
    await form.run(
      async () => {
        const result = await save(note, seen);
        onDone(`已保存 ${result.entry.name} 的备注。`);
      },
      {
        onError: (err) => {
          if (err instanceof ApiError && err.status === 409) {
            const current = (err.problem as { currentNote?: string | null }).currentNote ?? null;
            setSeen(current);
            return { message: `${err.message}另一台设备保存的备注：${current ?? "（空）"}`, errors: {} };
          }
          return refusalOf(err);
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate className="desk-note">
      <ErrorSummary message={form.message} errors={form.errors} targets={targets} />
      <Field
        id={id}
        label={`${entry.name} 的备注`}
        error={form.errors.note}
        hint={`不超过 ${DESK_NOTE_MAX} 字，仅工作人员可见`}
      >
        {(a11y) => <textarea {...a11y} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <div className="actions">
        <button type="submit" aria-disabled={form.busy || undefined}>
          保存备注
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          取消
        </button>
      </div>
    </form>
  );
}
