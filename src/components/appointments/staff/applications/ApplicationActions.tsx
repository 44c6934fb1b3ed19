// The steps staff may take from an application's current step (the transition table's, sent by the
// API as `actions`), one small form each. Every form sends the version shown; the parent reloads.
import { type FormEvent, useEffect, useState } from "react";
import { whenText } from "../../../../lib/appointments/format";
import { APPLICATION_TRANSITIONS, CORRECTION_DAYS } from "../../../../shared/appointments/applications-steps";
import type { StaffApplicationView } from "../../../../shared/appointments/applications-wire";
import type { FreeSlot } from "../../../../shared/appointments/wire";
import { Field } from "../../../forms/Field";
import { applicationsApi } from "./applications-api";

interface Props {
  view: StaffApplicationView;
  busy: boolean;
  /** Runs a step (the API call) and says its outcome; resolves once the view is reloaded. */
  run: (label: string, task: () => Promise<unknown>) => Promise<void>;
}

export function ApplicationActions({ view, busy, run }: Props) {
  if (view.actions.length === 0) return <p>这件申请已{view.stepLabel}，没有待办步骤。</p>;
  const n = view.applicationNumber;
  const step = (path: string, body: Record<string, unknown>) => () =>
    applicationsApi.step(n, path, { version: view.version, ...body });
  return (
    <div className="application-actions">
      {view.actions.includes("request_correction") && (
        <CorrectionForm
          materials={view.materials}
          busy={busy}
          onSend={(body) => run("已一次性告知补正材料。", step("request-correction", body))}
        />
      )}
      {view.actions.includes("materials_supplied") && (
        <SuppliedForm
          view={view}
          busy={busy}
          onSend={(body) => run("已记录收到的补正材料。", step("materials-supplied", body))}
        />
      )}
      {view.actions.includes("accept") && (
        <NoteStep
          id="accept"
          label={APPLICATION_TRANSITIONS.accept.label}
          busy={busy}
          onSend={(note) => run("已受理。", step("accept", { note }))}
        />
      )}
      {view.actions.includes("book_inspection") && (
        <InspectionForm
          view={view}
          busy={busy}
          onSend={(slotId) =>
            run("已预约现场查看。", () => applicationsApi.bookInspection(n, { version: view.version, slotId }))
          }
        />
      )}
      {view.actions.includes("decide") && (
        <DecideForm busy={busy} onSend={(body) => run("已作出决定。", step("decide", body))} />
      )}
      {view.actions.includes("close") && (
        <NoteStep
          id="close"
          label={APPLICATION_TRANSITIONS.close.label}
          busy={busy}
          onSend={(note) => run("已办结。", step("close", { note }))}
        />
      )}
      {view.actions.includes("withdraw") && (
        <NoteStep
          id="withdraw"
          label={APPLICATION_TRANSITIONS.withdraw.label}
          noteLabel="撤回原因（必填）"
          busy={busy}
          onSend={(note) => run("申请已撤回。", step("withdraw", { note }))}
        />
      )}
    </div>
  );
}

function submitting(handler: () => void) {
  return (event: FormEvent) => {
    event.preventDefault();
    handler();
  };
}

function NoteStep(props: {
  id: string;
  label: string;
  noteLabel?: string;
  busy: boolean;
  onSend: (note: string | undefined) => void;
}) {
  const [note, setNote] = useState("");
  return (
    <form className="form application-step" onSubmit={submitting(() => props.onSend(note.trim() || undefined))}>
      <h4>{props.label}</h4>
      <Field id={`app-${props.id}-note`} label={props.noteLabel ?? "告诉申请人的说明（选填）"}>
        {(a11y) => <textarea {...a11y} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <button type="submit" aria-disabled={props.busy || undefined}>
        {props.label}
      </button>
    </form>
  );
}

function CorrectionForm(props: {
  materials: string[];
  busy: boolean;
  onSend: (body: Record<string, unknown>) => void;
}) {
  const [ticked, setTicked] = useState<string[]>([]);
  const [other, setOther] = useState("");
  const [days, setDays] = useState(String(CORRECTION_DAYS.default));
  const [note, setNote] = useState("");
  const items = [...ticked, ...other.split(/[\n；;]/).map((s) => s.trim())].filter(Boolean).map((item) => ({ item }));
  const toggle = (item: string) =>
    setTicked((old) => (old.includes(item) ? old.filter((i) => i !== item) : [...old, item]));
  return (
    <form
      className="form application-step"
      onSubmit={submitting(() => props.onSend({ items, workingDays: Number(days), note: note.trim() || undefined }))}
    >
      <h4>{APPLICATION_TRANSITIONS.request_correction.label}</h4>
      <fieldset>
        <legend>所缺材料（全部列出，一次告知）</legend>
        {props.materials.map((m, i) => (
          <label key={m} className="check">
            <input type="checkbox" id={`app-missing-${i}`} checked={ticked.includes(m)} onChange={() => toggle(m)} />{" "}
            {m}
          </label>
        ))}
      </fieldset>
      <Field id="app-missing-other" label="其他所缺材料（选填，每行一项）">
        {(a11y) => <textarea {...a11y} rows={2} value={other} onChange={(e) => setOther(e.target.value)} />}
      </Field>
      <Field
        id="app-missing-days"
        label="补正期限（工作日）"
        hint={`${CORRECTION_DAYS.min}–${CORRECTION_DAYS.max} 个工作日，节假日不计`}
      >
        {(a11y) => (
          <input
            {...a11y}
            type="number"
            inputMode="numeric"
            min={CORRECTION_DAYS.min}
            max={CORRECTION_DAYS.max}
            value={days}
            onChange={(e) => setDays(e.target.value)}
          />
        )}
      </Field>
      <Field id="app-missing-note" label="告诉申请人的说明（选填）">
        {(a11y) => <textarea {...a11y} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <button type="submit" aria-disabled={props.busy || items.length === 0 || undefined}>
        告知补正（{items.length} 项）
      </button>
    </form>
  );
}

function SuppliedForm(props: {
  view: StaffApplicationView;
  busy: boolean;
  onSend: (body: Record<string, unknown>) => void;
}) {
  const outstanding = props.view.missing.filter((m) => m.suppliedAt === null);
  const [ticked, setTicked] = useState<number[]>(() => outstanding.map((m) => m.id));
  const toggle = (id: number) => setTicked((old) => (old.includes(id) ? old.filter((i) => i !== id) : [...old, id]));
  return (
    <form className="form application-step" onSubmit={submitting(() => props.onSend({ itemIds: ticked }))}>
      <h4>{APPLICATION_TRANSITIONS.materials_supplied.label}</h4>
      <fieldset>
        <legend>本次收到的材料</legend>
        {outstanding.map((m) => (
          <label key={m.id} className="check">
            <input type="checkbox" checked={ticked.includes(m.id)} onChange={() => toggle(m.id)} /> {m.item}
          </label>
        ))}
      </fieldset>
      <button type="submit" aria-disabled={props.busy || ticked.length === 0 || undefined}>
        记录收到（{ticked.length} 项）
      </button>
    </form>
  );
}

function InspectionForm(props: { view: StaffApplicationView; busy: boolean; onSend: (slotId: string) => void }) {
  const [slots, setSlots] = useState<FreeSlot[] | null>(null);
  const [slotId, setSlotId] = useState("");
  useEffect(() => {
    applicationsApi
      .inspectionSlots(props.view.point.id)
      .then((r) => setSlots(r.slots))
      .catch(() => setSlots([]));
  }, [props.view.point.id]);
  return (
    <form className="form application-step" onSubmit={submitting(() => slotId && props.onSend(slotId))}>
      <h4>{APPLICATION_TRANSITIONS.book_inspection.label}</h4>
      <p>到店地址：{props.view.applicant.shopAddress}</p>
      <Field id="app-inspection-slot" label="查看时段">
        {(a11y) => (
          <select {...a11y} value={slotId} onChange={(e) => setSlotId(e.target.value)}>
            <option value="">{slots === null ? "正在读取空余时段…" : "请选择时段"}</option>
            {(slots ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {whenText(s)}（空 {s.placesLeft} 组）
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit" aria-disabled={props.busy || !slotId || undefined}>
        预约现场查看
      </button>
    </form>
  );
}

function DecideForm(props: { busy: boolean; onSend: (body: Record<string, unknown>) => void }) {
  const [decision, setDecision] = useState<"granted" | "refused" | "">("");
  const [reasons, setReasons] = useState("");
  return (
    <form
      className="form application-step"
      onSubmit={submitting(() => decision && props.onSend({ decision, reasons: reasons.trim() || undefined }))}
    >
      <h4>{APPLICATION_TRANSITIONS.decide.label}</h4>
      <fieldset>
        <legend>决定</legend>
        <label className="check">
          <input
            type="radio"
            name="app-decision"
            checked={decision === "granted"}
            onChange={() => setDecision("granted")}
          />{" "}
          准予
        </label>
        <label className="check">
          <input
            type="radio"
            name="app-decision"
            checked={decision === "refused"}
            onChange={() => setDecision("refused")}
          />{" "}
          不予
        </label>
      </fieldset>
      <Field id="app-decision-reasons" label="理由（不予时必填；准予可写有效期和条件）">
        {(a11y) => <textarea {...a11y} rows={3} value={reasons} onChange={(e) => setReasons(e.target.value)} />}
      </Field>
      <button type="submit" aria-disabled={props.busy || !decision || undefined}>
        作出决定
      </button>
    </form>
  );
}
