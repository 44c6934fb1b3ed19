import { type FormEvent, useState } from "react";
import { type WalkInInput, WalkInSchema } from "../../shared/sweeps/day-schemas";
import type { WalkInResult } from "../../shared/sweeps/wire";
import { CopyButton } from "../forms/CopyButton";
import { ErrorSummary } from "../forms/ErrorSummary";
import { Field } from "../forms/Field";
import { PhoneInput } from "../forms/inputs";
import { useForm } from "../forms/useForm";

const TARGETS = {
  name: { id: "walk-name", label: "姓名" },
  phone: { id: "walk-phone", label: "手机号码" },
  birthMonth: { id: "walk-birth", label: "出生年月" },
  organisation: { id: "walk-org", label: "学校或单位" },
  guardianName: { id: "walk-guardian-name", label: "监护人姓名" },
  guardianPhone: { id: "walk-guardian-phone", label: "监护人手机" },
  guardianConsented: { id: "walk-guardian-consent", label: "监护人当面同意" },
};

const EMPTY = { name: "", phone: "", birthMonth: "", organisation: "", guardianName: "", guardianPhone: "" };

interface Props {
  placesLeft: number;
  add: (input: WalkInInput) => Promise<WalkInResult>;
}

/**
 * A walk-in onto a free place: an adult alone; a minor only with a guardian who is there and
 * consents in person (the server checks the age on the sweep's day). The person is checked in at
 * once and gets their own manage link, shown here once to pass on.
 */
export function WalkInForm({ placesLeft, add }: Props) {
  const form = useForm({ targets: TARGETS });
  const [values, setValues] = useState(EMPTY);
  const [consented, setConsented] = useState(false);
  const [added, setAdded] = useState<WalkInResult | null>(null);
  const set = (name: keyof typeof EMPTY) => (value: string) => setValues((old) => ({ ...old, [name]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input: WalkInInput = {
      name: values.name,
      phone: values.phone,
      birthMonth: values.birthMonth,
      organisation: values.organisation,
      ...(values.guardianName ? { guardianName: values.guardianName } : {}),
      ...(values.guardianPhone ? { guardianPhone: values.guardianPhone } : {}),
      ...(consented ? { guardianConsented: true } : {}),
    };
    if (!form.check(WalkInSchema, input)) return;
    await form.run(async () => {
      setAdded(await add(input));
      setValues(EMPTY);
      setConsented(false);
    });
  }

  const text = (name: keyof typeof EMPTY, extra: Record<string, string> = {}) => (
    <Field id={TARGETS[name].id} label={TARGETS[name].label} error={form.errors[name]} hint={extra.hint}>
      {(a11y) =>
        name === "phone" || name === "guardianPhone" ? (
          <PhoneInput {...a11y} value={values[name]} onChange={set(name)} />
        ) : (
          <input
            {...a11y}
            type="text"
            inputMode={name === "birthMonth" ? "numeric" : undefined}
            placeholder={name === "birthMonth" ? "例如 2008-09" : undefined}
            value={values[name]}
            onChange={(e) => set(name)(e.target.value)}
          />
        )
      }
    </Field>
  );

  return (
    <details className="walk-in">
      <summary>现场报名（空余 {placesLeft} 个名额）</summary>
      {added && (
        <div className="forward">
          <p>已为 {added.entry.name} 现场报名并签到。请让本人保存自己的管理链接，以后在那里查看时长和证明：</p>
          <p className="manage-link">{new URL(added.managePath, location.href).href}</p>
          <CopyButton text={new URL(added.managePath, location.href).href} label="复制管理链接" />
        </div>
      )}
      {placesLeft === 0 ? (
        <p>本场已没有空余名额，不能再加现场报名。</p>
      ) : (
        <form onSubmit={submit} noValidate>
          <ErrorSummary message={form.message} errors={form.errors} targets={TARGETS} />
          {text("name")}
          {text("phone")}
          {text("birthMonth", { hint: "年和月，例如 2008-09" })}
          {text("organisation")}
          <fieldset className="guardian">
            <legend>未满 18 周岁须监护人到场</legend>
            {text("guardianName")}
            {text("guardianPhone")}
            <div className={form.errors.guardianConsented ? "check has-error" : "check"}>
              <input
                id={TARGETS.guardianConsented.id}
                type="checkbox"
                checked={consented}
                onChange={(e) => setConsented(e.target.checked)}
              />
              <label htmlFor={TARGETS.guardianConsented.id}>监护人在场，已当面同意孩子参加</label>
            </div>
          </fieldset>
          <div className="actions">
            <button type="submit" aria-disabled={form.busy || undefined}>
              报名并签到
            </button>
          </div>
        </form>
      )}
    </details>
  );
}
