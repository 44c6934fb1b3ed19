import { type FormEvent, useState } from "react";
import { staffSweepsMoreApi } from "../../../lib/sweeps/staff-api";
import { COMMUNITIES } from "../../../shared/geo";
import { TargetsSchema } from "../../../shared/sweeps/figures";
import type { SweepTargetPeriod, TargetKind } from "../../../shared/sweeps/wire";
import { ErrorSummary, type FieldTargets } from "../../forms/ErrorSummary";
import { Field } from "../../forms/Field";
import { useForm } from "../../forms/useForm";

const TARGETS: FieldTargets = {
  kind: { id: "target-kind-places", label: "目标类型" },
  targets: { id: `target-${COMMUNITIES[0]?.id}`, label: "各社区目标" },
  total: { id: "target-total", label: "总目标" },
  from: { id: "figures-from", label: "开始日期" },
  to: { id: "figures-to", label: "结束日期" },
};

interface Props {
  from: string;
  to: string;
  /** The period's stored targets, if any (the form starts from them). */
  current: SweepTargetPeriod | undefined;
  onSaved: () => void;
}

/**
 * The period's targets per community (places or volunteer-hours); a community left empty keeps the
 * default, its own planned places. Saving replaces the period's earlier targets (one audited batch).
 */
export function TargetsForm({ from, to, current, onSaved }: Props) {
  const [kind, setKind] = useState<TargetKind>(current?.kind ?? "places");
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries((current?.targets ?? []).map((t) => [t.communityId, String(t.target)])),
  );
  const [saved, setSaved] = useState("");
  const form = useForm({ targets: TARGETS });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved("");
    const targets = COMMUNITIES.filter((c) => (values[c.id] ?? "").trim() !== "").map((c) => ({
      communityId: c.id,
      target: Number(values[c.id]),
    }));
    const input = { from, to, kind, targets };
    if (!form.check(TargetsSchema, input)) return;
    const done = await form.run(() => staffSweepsMoreApi.setTargets(input));
    if (done) {
      setSaved(`已保存 ${from} 至 ${to} 的目标：${targets.length} 个社区设定了目标，其余按计划名额。`);
      onSaved();
    }
  }

  return (
    <section aria-labelledby="targets-heading">
      <h2 id="targets-heading">设定目标</h2>
      <p className="muted">
        为 {from} 至 {to} 的每个社区设定目标；留空的社区以其计划名额为目标。保存后替换该时段原有的目标。
      </p>
      <ErrorSummary message={form.message} errors={form.errors} targets={TARGETS} />
      <form className="form targets-form" noValidate onSubmit={submit} aria-labelledby="targets-heading">
        <fieldset className="choices">
          <legend>目标类型</legend>
          {(["places", "hours"] as const).map((k) => (
            <div key={k} className="check">
              <input
                id={`target-kind-${k}`}
                type="radio"
                name="target-kind"
                checked={kind === k}
                onChange={() => setKind(k)}
              />
              <label htmlFor={`target-kind-${k}`}>{k === "places" ? "报名名额（人次）" : "志愿服务时长（小时）"}</label>
            </div>
          ))}
        </fieldset>
        <div className="field-row">
          {COMMUNITIES.map((c) => (
            <Field key={c.id} id={`target-${c.id}`} label={c.name}>
              {(a11y) => (
                <input
                  {...a11y}
                  type="number"
                  inputMode="decimal"
                  min={0}
                  value={values[c.id] ?? ""}
                  onChange={(e) => setValues({ ...values, [c.id]: e.target.value })}
                />
              )}
            </Field>
          ))}
        </div>
        <div className="actions">
          <button type="submit" aria-disabled={form.busy || undefined}>
            {form.busy ? "正在保存…" : "保存目标"}
          </button>
        </div>
        <p role="status" className="status-message">
          {saved}
        </p>
      </form>
    </section>
  );
}
