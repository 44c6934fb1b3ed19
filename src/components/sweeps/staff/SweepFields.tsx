import type { FieldErrors } from "../../../lib/kit/problem";
import type { SweepFieldsForm } from "../../../lib/sweeps/staff-form";
import type { FieldTargets } from "../../forms/ErrorSummary";
import { Field } from "../../forms/Field";

interface Props {
  form: SweepFieldsForm;
  errors: FieldErrors;
  set: (change: Partial<SweepFieldsForm>) => void;
}

/** The fields' controls and labels, in the order of the form, for the error summary. */
export const SWEEP_FIELD_TARGETS: FieldTargets = {
  title: { id: "sweep-title", label: "活动名称" },
  startTime: { id: "sweep-start", label: "开始时间" },
  endTime: { id: "sweep-end", label: "结束时间" },
  capacity: { id: "sweep-capacity", label: "名额" },
  waitlistLimit: { id: "sweep-waitlist", label: "候补名额" },
  minAge: { id: "sweep-min-age", label: "最低年龄" },
  guardianPresentBelow: { id: "sweep-guardian-below", label: "需监护人陪同的年龄" },
  organiser: { id: "sweep-organiser", label: "组织方" },
  leaderContact: { id: "sweep-leader", label: "领队公开联系方式" },
  whatToBring: { id: "sweep-bring", label: "携带物品" },
  insuranceRef: { id: "sweep-insurance", label: "意外保险单号" },
  cancelCutoffHours: { id: "sweep-cutoff", label: "取消截止" },
  open: { id: "sweep-open", label: "开放报名" },
};

function TextField(props: {
  name: keyof SweepFieldsForm;
  form: SweepFieldsForm;
  errors: FieldErrors;
  set: Props["set"];
  type?: "text" | "time" | "number";
  hint?: string;
  max?: number;
}) {
  const { name, form, errors, set, type = "text", hint, max } = props;
  const target = SWEEP_FIELD_TARGETS[name] as { id: string; label: string };
  return (
    <Field id={target.id} label={target.label} hint={hint} error={errors[name]}>
      {(a11y) => (
        <input
          {...a11y}
          type={type}
          inputMode={type === "number" ? "numeric" : undefined}
          min={type === "number" ? 0 : undefined}
          maxLength={type === "text" ? max : undefined}
          autoComplete="off"
          value={String(form[name])}
          onChange={(e) => set({ [name]: e.target.value })}
        />
      )}
    </Field>
  );
}

/** What every sweep has, planned or edited: time, places, ages, organiser, leader, insurance, opening. */
export function SweepFields({ form, errors, set }: Props) {
  const f = { form, errors, set };
  return (
    <>
      <TextField {...f} name="title" max={60} />
      <fieldset className="group">
        <legend>时间</legend>
        <div className="field-row">
          <TextField {...f} name="startTime" type="time" />
          <TextField {...f} name="endTime" type="time" />
        </div>
      </fieldset>
      <fieldset className="group">
        <legend>名额与年龄</legend>
        <div className="field-row">
          <TextField {...f} name="capacity" type="number" hint="1–500 人" />
          <TextField {...f} name="waitlistLimit" type="number" hint="报满后最多候补的人数，0 为不设候补" />
          <TextField {...f} name="minAge" type="number" hint="周岁；未满 18 周岁须监护人同意" />
          <TextField {...f} name="guardianPresentBelow" type="number" hint="未满此年龄须监护人到场陪同；不需要时留空" />
        </div>
      </fieldset>
      <fieldset className="group">
        <legend>组织与联系</legend>
        <TextField {...f} name="organiser" max={80} hint="如“临河中队 · 青溪区团委”，公开显示" />
        <TextField {...f} name="leaderContact" max={80} hint="领队姓名和工作电话，公开显示；不要填写私人手机" />
        <Field id="sweep-bring" label="携带物品" hint="公开显示，不超过 500 字" error={errors.whatToBring}>
          {(a11y) => (
            <textarea
              {...a11y}
              rows={3}
              maxLength={500}
              value={form.whatToBring}
              onChange={(e) => set({ whatToBring: e.target.value })}
            />
          )}
        </Field>
      </fieldset>
      <fieldset className="group">
        <legend>保险与报名</legend>
        <TextField
          {...f}
          name="insuranceRef"
          max={60}
          hint="开放报名前必须填写：没有意外保险的活动不能开放报名（可先保存为草稿）。"
        />
        <TextField {...f} name="cancelCutoffHours" type="number" hint="活动开始前多少小时后取消，记为“截止后取消”" />
        <div className={errors.open ? "field has-error" : "field"}>
          <div className="check">
            <input
              id="sweep-open"
              type="checkbox"
              checked={form.open}
              aria-describedby="sweep-open-hint"
              onChange={(e) => set({ open: e.target.checked })}
            />
            <label htmlFor="sweep-open">立即开放报名</label>
          </div>
          <p id="sweep-open-hint" className="hint muted">
            不勾选则保存为草稿，市民看不到；开放后已有人报名的活动不能改回草稿。
          </p>
        </div>
      </fieldset>
    </>
  );
}
