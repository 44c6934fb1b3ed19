import { type FormEvent, useState } from "react";
import { ApiError, refusalOf } from "../../../lib/kit/problem";
import { staffSweepsApi } from "../../../lib/sweeps/staff-api";
import { defaultPlace, type EditForm, editFormOf, editInput } from "../../../lib/sweeps/staff-form";
import { readDistrictMap } from "../../../lib/sweeps/staff-map";
import { COMMUNITIES } from "../../../shared/geo";
import { UpdateSweepSchema } from "../../../shared/sweeps/staff-schemas";
import type { StaffSweep, StaffSweepResult } from "../../../shared/sweeps/wire";
import { ConflictNotice } from "../../complaints/console/ConflictNotice";
import { CommunitySelect } from "../../forms/CommunitySelect";
import { ErrorSummary, type FieldTargets } from "../../forms/ErrorSummary";
import { Field } from "../../forms/Field";
import { useForm } from "../../forms/useForm";
import { MeetingPointMap } from "./MeetingPointMap";
import { SWEEP_FIELD_TARGETS, SweepFields } from "./SweepFields";

const TARGETS: FieldTargets = {
  day: { id: "edit-day", label: "日期" },
  communityId: { id: "edit-community", label: "社区" },
  meetingPoint: { id: "edit-meeting-point", label: "集合地点" },
  ...SWEEP_FIELD_TARGETS,
};

interface Props {
  sweep: StaffSweep;
  onSaved: (result: StaffSweepResult) => void;
  /** Reads the sweep again (after someone else changed it). */
  onReload: () => Promise<void>;
}

/**
 * Changes a sweep with the version read: a stale one (someone else saved first) is refused by the
 * API with 409, said here with a button to read the sweep again; the people signed up are told of
 * a change that matters to them, by the API, in the same batch.
 */
export function SweepEditForm({ sweep, onSaved, onReload }: Props) {
  const [open, setOpen] = useState(false);
  const [edit, setEdit] = useState<EditForm>(() => editFormOf(sweep));
  const [conflict, setConflict] = useState<string | null>(null);
  const [map] = useState(readDistrictMap);
  const form = useForm({ targets: TARGETS });
  const set = (change: Partial<EditForm>) => setEdit((e) => ({ ...e, ...change }));

  // A new version read (saved here, or read again after a conflict): the form starts from it,
  // closed, and focus goes back to the button that opens it.
  const [seen, setSeen] = useState(sweep.version);
  if (seen !== sweep.version) {
    setSeen(sweep.version);
    setEdit(editFormOf(sweep));
    setOpen(false);
    setConflict(null);
    form.focusLater("edit-toggle");
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setConflict(null);
    if (!form.check(UpdateSweepSchema, editInput(edit))) return;
    await form.run(async () => onSaved(await staffSweepsApi.update(sweep.id, editInput(edit))), {
      onError: (err) => {
        if (err instanceof ApiError && err.status === 409) {
          setConflict(`${err.message} 您的修改没有保存。重新加载后可以看到最新的内容，再决定是否修改。`);
          form.focusLater("edit-conflict");
          return null;
        }
        return refusalOf(err);
      },
    });
  }

  return (
    <section className="sweep-edit" aria-labelledby="edit-heading">
      <h2 id="edit-heading">修改活动</h2>
      <button
        id="edit-toggle"
        type="button"
        className="secondary"
        aria-expanded={open}
        aria-controls="edit-form"
        onClick={() => {
          setOpen(!open);
          if (!open) form.focusLater("edit-day");
        }}
      >
        {open ? "收起修改表单" : "修改活动信息"}
      </button>
      <ConflictNotice
        id="edit-conflict"
        message={conflict}
        onReload={async () => {
          await onReload();
        }}
      />
      {open && (
        <>
          <ErrorSummary message={form.message} errors={form.errors} targets={TARGETS} />
          <form id="edit-form" className="form" noValidate onSubmit={submit} aria-labelledby="edit-heading">
            <p className="muted">
              改动时间、地点、名称、年龄或携带物品时，所有已报名和候补的人会收到通知。名额不能少于已确认的人数。
            </p>
            <Field id="edit-day" label="日期" error={form.errors.day}>
              {(a11y) => (
                <input {...a11y} type="date" value={edit.day} onChange={(e) => set({ day: e.target.value })} />
              )}
            </Field>
            <Field id="edit-community" label="社区" error={form.errors.communityId}>
              {(a11y) => (
                <CommunitySelect
                  a11y={a11y}
                  communities={COMMUNITIES}
                  value={edit.communityId}
                  placeholder="请选择社区"
                  onChange={(communityId) => {
                    const c = COMMUNITIES.find((x) => x.id === communityId);
                    set(c ? { ...defaultPlace(map, c), meetingPoint: edit.meetingPoint } : { communityId });
                  }}
                />
              )}
            </Field>
            <Field
              id="edit-meeting-point"
              label="集合地点"
              hint={`坐标 ${edit.lat.toFixed(5)}, ${edit.lng.toFixed(5)}；可在地图上点按修改`}
              error={form.errors.meetingPoint ?? form.errors.lat ?? form.errors.lng}
            >
              {(a11y) => (
                <input
                  {...a11y}
                  type="text"
                  maxLength={100}
                  autoComplete="off"
                  value={edit.meetingPoint}
                  onChange={(e) => set({ meetingPoint: e.target.value })}
                />
              )}
            </Field>
            {map && (
              <MeetingPointMap
                map={map}
                onPick={(communityId, point) => set({ communityId, ...point })}
                onClear={() => set({ lat: sweep.lat, lng: sweep.lng, communityId: sweep.communityId })}
              />
            )}
            <SweepFields form={edit} errors={form.errors} set={set} />
            <div className="actions">
              <button type="submit" aria-disabled={form.busy || undefined}>
                {form.busy ? "正在保存…" : "保存修改"}
              </button>
            </div>
          </form>
        </>
      )}
    </section>
  );
}
