import { type FormEvent, useEffect, useState } from "react";
import { ApiError, refusalOf } from "../../lib/kit/problem";
import { ageOn } from "../../lib/sweeps/age";
import { signUp } from "../../lib/sweeps/api";
import {
  clearSignupDraft,
  loadSignupDraft,
  newSignupDraft,
  type SignupDraft,
  saveSignupDraft,
  signupInput,
} from "../../lib/sweeps/draft";
import { ADULT_AGE, CONSENT_HOLD_HOURS } from "../../shared/sweeps/rules";
import { GUARDIAN_NAME_MISSING, GUARDIAN_PHONE_MISSING, SignupSchema } from "../../shared/sweeps/schemas";
import type { PublicSweep, SignupResult } from "../../shared/sweeps/wire";
import { chinaDay } from "../../shared/time";
import { ConsentCheck } from "../forms/ConsentCheck";
import { ErrorSummary } from "../forms/ErrorSummary";
import { useForm } from "../forms/useForm";
import {
  BirthMonthField,
  GuardianFields,
  NameField,
  OrganisationField,
  PhoneField,
  VolunteerNumberField,
} from "./PersonFields";

const FIELDS = {
  name: { id: "signup-name", label: "姓名" },
  phone: { id: "signup-phone", label: "手机号码" },
  organisation: { id: "signup-organisation", label: "学校或单位" },
  birthMonth: { id: "signup-birth", label: "出生年月" },
  guardianName: { id: "signup-guardian-name", label: "监护人姓名" },
  guardianPhone: { id: "signup-guardian-phone", label: "监护人手机号码" },
  volunteerNumber: { id: "signup-volunteer-number", label: "志愿者编号" },
  consent: { id: "signup-consent", label: "同意个人信息处理说明" },
};

interface Props {
  sweep: PublicSweep;
  onSignedUp: (result: SignupResult) => void;
}

/**
 * The sign-up form: no account, six fields (eight for a minor: the guardian's name and phone). The draft and its Idempotency-Key stay in the browser
 * until the answer comes, so a retry after a lost answer cannot sign the person up twice.
 */
export function SignupForm({ sweep, onSignedUp }: Props) {
  const [draft, setDraft] = useState<SignupDraft>(() => newSignupDraft(""));
  const form = useForm({ targets: FIELDS, focusOtherwise: "signup-errors" });
  const errors = form.errors;

  useEffect(() => {
    setDraft(loadSignupDraft(sweep.id) ?? newSignupDraft(crypto.randomUUID()));
  }, [sweep.id]);

  const set =
    <K extends keyof SignupDraft>(key: K) =>
    (value: SignupDraft[K]) =>
      setDraft((d) => {
        const next = { ...d, [key]: value };
        saveSignupDraft(sweep.id, next);
        return next;
      });

  const age = draft.birthMonth ? ageOn(draft.birthMonth, chinaDay(sweep.startsAt)) : null;
  // The server decides (signup.ts); the form asks for the guardian as soon as the birth month says so.
  const minor = age !== null && age < ADULT_AGE;
  const guardianMustAttend = minor && sweep.guardianPresentBelow !== null && age < sweep.guardianPresentBelow;
  const full = sweep.placesLeft <= 0;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (form.busy || !draft.idempotencyKey) return;
    // What is sent is what the API's schema made of the draft (the phone without spaces and +86).
    const guardian = minor ? { guardianName: draft.guardianName, guardianPhone: draft.guardianPhone } : {};
    const missing = {
      ...(minor && !draft.guardianName.trim() ? { guardianName: GUARDIAN_NAME_MISSING } : {}),
      ...(minor && !draft.guardianPhone.trim() ? { guardianPhone: GUARDIAN_PHONE_MISSING } : {}),
    };
    const input = form.check(SignupSchema, { ...signupInput(draft), ...guardian }, { extra: missing });
    if (!input) return;
    await form.run(
      async () => {
        const result = await signUp(sweep.id, input, draft.idempotencyKey);
        clearSignupDraft(sweep.id);
        onSignedUp(result);
      },
      {
        onError: (err) =>
          err instanceof ApiError && err.kind === "network"
            ? { message: "网络中断，没有收到答复。请检查网络后再点“报名”：重试不会重复报名。", errors: {} }
            : refusalOf(err, "报名没有成功，请稍后再试。"),
      },
    );
  }

  return (
    <section className="signup" aria-labelledby="signup-heading">
      <h2 id="signup-heading">{full ? "报名候补" : "报名参加"}</h2>
      {full && (
        <p className="callout">
          这场活动已报满。现在报名将进入候补，有人取消时按报名先后递补，递补后需要在限定时间内确认。
        </p>
      )}
      <form noValidate onSubmit={submit}>
        <ErrorSummary id="signup-errors" message={form.message} errors={errors} targets={FIELDS} />
        <NameField field={FIELDS.name} value={draft.name} onChange={set("name")} error={errors.name} />
        <PhoneField
          field={FIELDS.phone}
          hint="用于活动通知和领队联系，不会公开。"
          value={draft.phone}
          onChange={set("phone")}
          error={errors.phone}
        />
        <OrganisationField
          field={FIELDS.organisation}
          hint="如 青溪中学、浙江某大学、某公司"
          value={draft.organisation}
          onChange={set("organisation")}
          error={errors.organisation}
        />
        <BirthMonthField
          field={FIELDS.birthMonth}
          hint="格式 YYYY-MM，如 2006-09。只用来确认活动当天的年龄。"
          autoComplete="bday"
          describedBy={minor ? "signup-minor-note" : undefined}
          value={draft.birthMonth}
          onChange={set("birthMonth")}
          error={errors.birthMonth}
        />
        {minor && (
          <GuardianFields
            className="guardian"
            legend="监护人"
            note={
              <p id="signup-minor-note" className="callout">
                活动当天您未满 {ADULT_AGE}{" "}
                周岁，需要监护人（父母或其他法定监护人）同意。报名后会得到一个监护人同意链接，
                请发给监护人：名额为您保留 {CONSENT_HOLD_HOURS}{" "}
                小时（不超过活动开始），监护人同意后才确认；逾期未同意，名额会让给其他人。
                {guardianMustAttend && ` 这场活动未满 ${sweep.guardianPresentBelow} 周岁须由监护人陪同参加。`}
              </p>
            }
            phoneHint="监护人本人的手机号，不能与您的手机号相同。"
            fields={FIELDS}
            values={draft}
            set={set}
            errors={errors}
          />
        )}
        <VolunteerNumberField
          field={FIELDS.volunteerNumber}
          hint="已在全国志愿服务信息系统注册的，可填写志愿者编号，便于以后记录时长。"
          value={draft.volunteerNumber}
          onChange={set("volunteerNumber")}
          error={errors.volunteerNumber}
        />
        <ConsentCheck id={FIELDS.consent.id} checked={draft.consent} error={errors.consent} onChange={set("consent")}>
          我已阅读并同意<a href="/privacy/">个人信息处理说明</a>
          ：姓名、手机号、学校或单位和出生年月只用于本次活动的组织、联系和志愿服务记录。
        </ConsentCheck>
        <div className="actions">
          <button type="submit" aria-disabled={form.busy || undefined}>
            {form.busy ? "正在提交…" : full ? "报名候补" : "报名"}
          </button>
        </div>
      </form>
    </section>
  );
}
