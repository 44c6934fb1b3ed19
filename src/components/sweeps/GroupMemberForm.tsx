import { type FormEvent, useState } from "react";
import { ageOn } from "../../lib/sweeps/age";
import { completeMember } from "../../lib/sweeps/group-api";
import { ADULT_AGE } from "../../shared/sweeps/rules";
import { GroupMemberSchema } from "../../shared/sweeps/schemas";
import type { GroupMemberResult, PublicSweep } from "../../shared/sweeps/wire";
import { chinaDay } from "../../shared/time";
import { ErrorSummary } from "../forms/ErrorSummary";
import { useForm } from "../forms/useForm";
import { BirthMonthField, GuardianFields, NameField, PhoneField, VolunteerNumberField } from "./PersonFields";

interface Props {
  token: string;
  sweep: PublicSweep;
  memberId: number;
  slot: number;
  onDone: (result: GroupMemberResult) => void;
}

const EMPTY = { name: "", phone: "", birthMonth: "", volunteerNumber: "", guardianName: "", guardianPhone: "" };

/**
 * One held place's details, filled in by the group's contact: the member, and for a minor on the
 * sweep's day their guardian (who then consents through their own link). The server checks the same.
 */
export function GroupMemberForm({ token, sweep, memberId, slot, onDone }: Props) {
  const id = (name: string) => `member-${memberId}-${name}`;
  const fields = {
    name: { id: id("name"), label: "姓名" },
    phone: { id: id("phone"), label: "手机号码" },
    birthMonth: { id: id("birth"), label: "出生年月" },
    volunteerNumber: { id: id("volunteer-number"), label: "志愿者编号" },
    guardianName: { id: id("guardian-name"), label: "监护人姓名" },
    guardianPhone: { id: id("guardian-phone"), label: "监护人手机号码" },
  };
  const [draft, setDraft] = useState(EMPTY);
  const form = useForm({ targets: fields, focusOtherwise: id("errors") });
  const errors = form.errors;
  const set = (k: keyof typeof EMPTY) => (value: string) => setDraft((d) => ({ ...d, [k]: value }));
  const age = draft.birthMonth ? ageOn(draft.birthMonth, chinaDay(sweep.startsAt)) : null;
  const minor = age !== null && age < ADULT_AGE;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (form.busy) return;
    const sent = minor ? draft : { ...draft, guardianName: "", guardianPhone: "" };
    // The server asks the same of a minor; said here first so the form needs no round trip.
    const extra: Record<string, string> = {};
    if (minor && !draft.guardianName.trim()) extra.guardianName = "未满 18 周岁须填写监护人姓名";
    if (minor && !draft.guardianPhone) extra.guardianPhone = "未满 18 周岁须填写监护人的 11 位手机号码";
    const input = form.check(GroupMemberSchema, sent, { extra });
    if (!input) return;
    await form.run(async () => onDone(await completeMember(token, memberId, input)));
  }

  return (
    <form noValidate onSubmit={submit} aria-label={`第 ${slot} 位成员的信息`} className="member-form">
      <ErrorSummary id={id("errors")} message={form.message} errors={errors} targets={fields} />
      <NameField field={fields.name} autoComplete="off" value={draft.name} onChange={set("name")} error={errors.name} />
      <PhoneField
        field={fields.phone}
        hint="成员本人的手机号，用于活动通知。"
        autoComplete="off"
        value={draft.phone}
        onChange={set("phone")}
        error={errors.phone}
      />
      <BirthMonthField
        field={fields.birthMonth}
        hint="格式 YYYY-MM，如 2011-09。只用来确认活动当天的年龄。"
        autoComplete="off"
        value={draft.birthMonth}
        onChange={set("birthMonth")}
        error={errors.birthMonth}
      />
      <VolunteerNumberField
        field={fields.volunteerNumber}
        value={draft.volunteerNumber}
        onChange={set("volunteerNumber")}
        error={errors.volunteerNumber}
      />
      {minor && (
        <GuardianFields
          legend={`监护人（活动当天未满 ${ADULT_AGE} 周岁）`}
          note={<p className="hint muted">提交后会得到监护人同意链接，请转发给监护人；监护人同意后名额才确认。</p>}
          fields={fields}
          values={draft}
          set={set}
          errors={errors}
        />
      )}
      <div className="actions">
        <button type="submit" aria-disabled={form.busy || undefined}>
          {form.busy ? "正在提交…" : `保存第 ${slot} 位`}
        </button>
      </div>
    </form>
  );
}
