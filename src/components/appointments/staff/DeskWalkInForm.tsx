import { type FormEvent, useState } from "react";
import { clockRange } from "../../../lib/appointments/staff-desk";
import { type WalkInInput, WalkInSchema } from "../../../shared/appointments/desk-schemas";
import type { DeskSlot, DeskStepResult } from "../../../shared/appointments/wire";
import { ErrorSummary } from "../../forms/ErrorSummary";
import { Field } from "../../forms/Field";
import { PhoneInput } from "../../forms/inputs";
import { useForm } from "../../forms/useForm";

const TARGETS = {
  slotId: { id: "walk-slot", label: "时段" },
  name: { id: "walk-name", label: "姓名" },
  phone: { id: "walk-phone", label: "手机号码" },
  shopName: { id: "walk-shop", label: "店铺名称" },
  shopAddress: { id: "walk-address", label: "店铺地址" },
  note: { id: "walk-note", label: "备注" },
};

const EMPTY = { slotId: "", name: "", phone: "", shopName: "", shopAddress: "", note: "" };

interface Props {
  slots: DeskSlot[];
  add: (input: WalkInInput) => Promise<DeskStepResult>;
}

/**
 * A merchant at the counter without a booking, put onto one of today's desk slots with a free place
 * and checked in at once (the server refuses a slot that filled meanwhile, and the list refreshes).
 */
export function DeskWalkInForm({ slots, add }: Props) {
  const form = useForm({ targets: TARGETS });
  const [values, setValues] = useState(EMPTY);
  const [added, setAdded] = useState<DeskStepResult | null>(null);
  const set = (name: keyof typeof EMPTY) => (value: string) => setValues((old) => ({ ...old, [name]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input: WalkInInput = { ...values };
    if (!form.check(WalkInSchema, input)) return;
    await form.run(async () => {
      setAdded(await add(input));
      setValues(EMPTY);
    });
  }

  const text = (name: Exclude<keyof typeof EMPTY, "slotId" | "phone">, hint?: string) => (
    <Field id={TARGETS[name].id} label={TARGETS[name].label} error={form.errors[name]} hint={hint}>
      {(a11y) => <input {...a11y} type="text" value={values[name]} onChange={(e) => set(name)(e.target.value)} />}
    </Field>
  );

  return (
    <section className="desk-walk-in" aria-labelledby="walk-in-heading">
      <h2 id="walk-in-heading">现场登记</h2>
      {added && (
        <p className="callout">
          已为 {added.entry.name} 现场登记并签到：{added.entry.serviceName}{" "}
          {clockRange(added.entry.start, added.entry.end)}，预约号{" "}
          <strong className="mono">{added.entry.bookingNumber}</strong>（请告知本人）。
        </p>
      )}
      {slots.length === 0 ? (
        <p>今天已没有可现场登记的空余时段。</p>
      ) : (
        <form onSubmit={submit} noValidate className="form">
          <ErrorSummary message={form.message} errors={form.errors} targets={TARGETS} />
          <Field id={TARGETS.slotId.id} label="时段（今天有空位的）" error={form.errors.slotId}>
            {(a11y) => (
              <select {...a11y} value={values.slotId} onChange={(e) => set("slotId")(e.target.value)}>
                <option value="">请选择时段</option>
                {slots.map((s) => (
                  <option key={s.slotId} value={s.slotId}>
                    {s.serviceName} {clockRange(s.start, s.end)}（空 {s.free} 位）
                  </option>
                ))}
              </select>
            )}
          </Field>
          {text("name")}
          <Field id={TARGETS.phone.id} label={TARGETS.phone.label} error={form.errors.phone}>
            {(a11y) => <PhoneInput {...a11y} value={values.phone} onChange={set("phone")} />}
          </Field>
          {text("shopName")}
          {text("shopAddress")}
          {text("note", "选填，例如：带了哪些材料")}
          <div className="actions">
            <button type="submit" aria-disabled={form.busy || undefined}>
              登记并签到
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
