import { type FormEvent, useState } from "react";
import { ApiError, refusalOf } from "../../lib/kit/problem";
import { listSweeps } from "../../lib/sweeps/api";
import { NO_FILTER } from "../../lib/sweeps/filters";
import { signUpGroup } from "../../lib/sweeps/group-api";
import { suggestionsFor } from "../../lib/sweeps/suggest";
import { GROUP_COMPLETE_HOURS_BEFORE, GROUP_MAX, GROUP_MIN_COMPLETE_HOURS } from "../../shared/sweeps/rules";
import { GroupSignupSchema } from "../../shared/sweeps/schemas";
import type { GroupSignupResult, PublicSweep } from "../../shared/sweeps/wire";
import { addDays, chinaDay, formatDateTimeZh } from "../../shared/time";
import { ConsentCheck } from "../forms/ConsentCheck";
import { CopyButton } from "../forms/CopyButton";
import { ErrorSummary } from "../forms/ErrorSummary";
import { Field } from "../forms/Field";
import { useForm } from "../forms/useForm";
import { NameField, OrganisationField, PhoneField } from "./PersonFields";
import { SweepCard } from "./SweepCard";

const FIELDS = {
  contactName: { id: "group-contact-name", label: "联系人姓名" },
  contactPhone: { id: "group-contact-phone", label: "联系人手机号码" },
  organisation: { id: "group-organisation", label: "学校和班级" },
  size: { id: "group-size", label: "人数" },
  consent: { id: "group-consent", label: "同意个人信息处理说明" },
};

const EMPTY = { contactName: "", contactPhone: "", organisation: "", size: "", consent: false };

/** Sweeps at a similar time with room for the whole group and nobody waiting (the API names the same). */
async function whereItFits(sweep: PublicSweep, size: number): Promise<PublicSweep[]> {
  const day = chinaDay(sweep.startsAt);
  const from = [addDays(day, -3), chinaDay()].sort()[1] ?? day;
  const list = await listSweeps({ ...NO_FILTER, from, to: addDays(day, 3) });
  return suggestionsFor(
    sweep,
    list.sweeps.filter((s) => s.placesLeft >= size && s.waitlisted === 0),
  );
}

/**
 * A teacher signs up a class with one contact: N places, all or nothing. The members' details (and
 * minors' guardian consent) follow through the group link before the deadline.
 */
export function GroupSignupForm({ sweep }: { sweep: PublicSweep }) {
  const [draft, setDraft] = useState(EMPTY);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [result, setResult] = useState<GroupSignupResult | null>(null);
  const [fits, setFits] = useState<PublicSweep[]>([]);
  const form = useForm({ targets: FIELDS, focusOtherwise: "group-errors" });
  const errors = form.errors;
  const set = (k: keyof typeof EMPTY) => (value: string | boolean) => setDraft((d) => ({ ...d, [k]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (form.busy) return;
    const input = form.check(GroupSignupSchema, { ...draft, size: draft.size === "" ? undefined : Number(draft.size) });
    if (!input) return;
    setFits([]);
    await form.run(
      async () => {
        const answer = await signUpGroup(sweep.id, input, key);
        setResult(answer);
        form.focusLater("group-done-heading");
      },
      {
        onError: (err) => {
          if (err instanceof ApiError && err.status === 409) {
            // Nothing was written: a changed group is a new request with a new key.
            setKey(crypto.randomUUID());
            whereItFits(sweep, input.size).then(setFits, () => setFits([]));
          }
          return err instanceof ApiError && err.kind === "network"
            ? { message: "网络中断，没有收到答复。请检查网络后再提交：重试不会重复占用名额。", errors: {} }
            : refusalOf(err, "团体报名没有成功，请稍后再试。");
        },
      },
    );
  }

  if (result) {
    const link = location.origin + result.groupPath;
    return (
      <section className="signed-up" aria-labelledby="group-done-heading">
        <h2 id="group-done-heading" tabIndex={-1}>
          已为 {result.size} 人保留名额
        </h2>
        <p>
          请在 <strong>{formatDateTimeZh(result.completeBy)}</strong>{" "}
          前，通过团体链接逐一填写每位同学的姓名、手机号和出生年月；未满 18
          周岁的同学还要填写监护人，并由监护人通过同意链接确认。到期未填写或未取得同意的名额将释放给其他人。
        </p>
        <h3>团体链接</h3>
        <p className="callout">这个链接是管理全体名额的唯一凭证：请收藏或复制保存，不要公开。</p>
        <p className="manage-link">
          <a href={link}>{link}</a>
        </p>
        <CopyButton text={link} label="复制团体链接" />
      </section>
    );
  }

  // The API refuses a group too close to the start (422): say so rather than offer a form.
  const lastHours = GROUP_COMPLETE_HOURS_BEFORE + GROUP_MIN_COMPLETE_HOURS;
  if (Date.parse(sweep.startsAt) - Date.now() < lastHours * 3_600_000) {
    return (
      <details className="group-signup">
        <summary>以团体/班级报名</summary>
        <p>
          距活动开始已不足 {lastHours}{" "}
          小时，来不及填写成员信息，不再接受团体报名。同学们可以各自报名，或选择更晚的场次。
        </p>
      </details>
    );
  }

  return (
    <details className="group-signup">
      <summary>以团体/班级报名</summary>
      <section aria-labelledby="group-heading">
        <h2 id="group-heading">团体/班级报名</h2>
        <p>
          老师或负责人一次为全班报名，只需留一位联系人。<strong>名额全有或全无：</strong>
          空余名额够全体时一次全部保留；不够时整个团体都不报上，不会只报上一部分人，也不进入候补，页面会推荐时间相近、名额够的活动。
        </p>
        <p>
          报名后请在活动开始 {GROUP_COMPLETE_HOURS_BEFORE} 小时前通过团体链接填写每位成员的信息，未满 18
          周岁的还须监护人同意；逾期未完成的名额将释放。
        </p>
        <form noValidate onSubmit={submit}>
          <ErrorSummary id="group-errors" message={form.message} errors={errors} targets={FIELDS} />
          <NameField
            field={FIELDS.contactName}
            value={draft.contactName}
            onChange={set("contactName")}
            error={errors.contactName}
          />
          <PhoneField
            field={FIELDS.contactPhone}
            hint="用于活动通知和领队联系，不会公开。"
            value={draft.contactPhone}
            onChange={set("contactPhone")}
            error={errors.contactPhone}
          />
          <OrganisationField
            field={FIELDS.organisation}
            hint="如 青溪中学 初二（3）班"
            value={draft.organisation}
            onChange={set("organisation")}
            error={errors.organisation}
          />
          <Field
            id={FIELDS.size.id}
            label={FIELDS.size.label}
            hint={`2–${GROUP_MAX} 人，含学生本人，不含联系人。这场还剩 ${sweep.placesLeft} 个名额。`}
            error={errors.size}
          >
            {(a11y) => (
              <input
                {...a11y}
                type="number"
                inputMode="numeric"
                min={2}
                max={GROUP_MAX}
                value={draft.size}
                onChange={(e) => set("size")(e.target.value)}
              />
            )}
          </Field>
          <ConsentCheck id={FIELDS.consent.id} checked={draft.consent} error={errors.consent} onChange={set("consent")}>
            我已阅读并同意<a href="/privacy/">个人信息处理说明</a>
            ：联系人和成员的信息只用于本次活动的组织、联系和志愿服务记录。
          </ConsentCheck>
          <div className="actions">
            <button type="submit" aria-disabled={form.busy || undefined}>
              {form.busy ? "正在提交…" : "为全体报名"}
            </button>
          </div>
        </form>
        {fits.length > 0 && (
          <section aria-labelledby="group-fits-heading">
            <h3 id="group-fits-heading">这些活动时间相近，能容纳全体</h3>
            <ul className="sweep-cards">
              {fits.map((s) => (
                <SweepCard key={s.id} sweep={s} />
              ))}
            </ul>
          </section>
        )}
      </section>
    </details>
  );
}
