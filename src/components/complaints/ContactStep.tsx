import type { Draft } from "../../lib/complaints/draft";
import type { FieldErrors } from "../../lib/kit/problem";
import { Field, FieldError } from "../forms/Field";
import { PhoneInput } from "../forms/inputs";
import { PrivacySummary } from "./PrivacySummary";

interface Props {
  draft: Draft;
  errors: FieldErrors;
  update: (change: Partial<Draft>) => void;
}

/** Only what a callback needs, and only when one is wanted; then the notice and the consent. */
export function ContactStep({ draft, errors, update }: Props) {
  return (
    <>
      <p className="muted">投诉不需要实名。只有希望工作人员回电时，才需要留手机号。</p>
      <Field id="name" label="称呼（选填）" hint="如“王女士”，不必填写真实姓名。" error={errors.name}>
        {(a11y) => (
          <input
            {...a11y}
            type="text"
            autoComplete="off"
            maxLength={20}
            value={draft.name}
            onChange={(e) => update({ name: e.target.value })}
          />
        )}
      </Field>
      <div className="check">
        <input
          id="callback"
          type="checkbox"
          checked={draft.callbackWanted}
          // Unticking forgets the number: it is collected only for a callback.
          onChange={(e) => update({ callbackWanted: e.target.checked, phone: "" })}
        />
        <label htmlFor="callback">需要回访（工作人员打电话告诉我处理结果）</label>
      </div>
      {draft.callbackWanted && (
        <Field id="phone" label="手机号码" hint="11 位中国大陆手机号，只用于回访。" error={errors.phone}>
          {(a11y) => <PhoneInput {...a11y} value={draft.phone} onChange={(phone) => update({ phone })} />}
        </Field>
      )}
      <PrivacySummary />
      <div className={errors.consent ? "field has-error" : "field"}>
        <FieldError id="consent" error={errors.consent} />
        <div className="check">
          <input
            id="consent"
            type="checkbox"
            checked={draft.consent}
            aria-invalid={errors.consent ? true : undefined}
            aria-describedby={errors.consent ? "consent-error" : undefined}
            onChange={(e) => update({ consent: e.target.checked })}
          />
          <label htmlFor="consent">我已阅读个人信息保护说明，同意按说明处理我提供的信息</label>
        </div>
      </div>
    </>
  );
}
