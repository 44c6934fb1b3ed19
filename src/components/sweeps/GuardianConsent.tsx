import { type FormEvent, useState } from "react";
import { consentView, declineConsent, giveConsent } from "../../lib/sweeps/consent-api";
import { SENSITIVE_NOTICE } from "../../shared/sweeps/consent";
import { ConsentSchema, ConsentTokenSchema } from "../../shared/sweeps/schemas";
import type { ConsentView } from "../../shared/sweeps/wire";
import { formatDateTimeZh } from "../../shared/time";
import { ConsentCheck } from "../forms/ConsentCheck";
import { ErrorSummary } from "../forms/ErrorSummary";
import { PageStatus } from "../forms/PageStatus";
import { useForm } from "../forms/useForm";
import { useLinkSecret } from "../forms/useLinkSecret";
import { NameField } from "./PersonFields";
import { SweepFacts } from "./SweepFacts";

const FIELDS = {
  guardianName: { id: "consent-guardian-name", label: "您的姓名（监护人）" },
  consent: { id: "consent-agree", label: "同意" },
};

/**
 * The guardian's page, opened by their own link: the secret is read from the fragment and sent
 * only in the x-consent-token header. It says what is asked, about whom, what is processed and why
 * (under 14: that the child's data is sensitive, PIPL art. 28, 31), then consent or decline.
 */
export default function GuardianConsent() {
  const link = useLinkSecret({
    schema: ConsentTokenSchema,
    open: consentView,
    missing: "监护人同意链接不完整。请从孩子发来的消息中完整复制链接后打开。",
  });
  const { secret, view, setView, status, setStatus, error } = link;
  const form = useForm({ targets: FIELDS, focusOtherwise: "consent-errors" });
  const [name, setName] = useState("");
  const [agreed, setAgreed] = useState(false);
  const [declining, setDeclining] = useState(false);

  async function after(done: string) {
    if (!secret) return;
    setView(await consentView(secret));
    setStatus(done);
    setDeclining(false);
    form.focusLater("consent-heading");
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!secret || form.busy) return;
    const input = form.check(ConsentSchema, { guardianName: name, consent: agreed });
    if (!input) return;
    await form.run(async () => {
      const result = await giveConsent(secret, input);
      await after(result.status === "confirmed" ? "您已同意，孩子的名额已确认。" : "您已同意。");
    });
  }

  async function decline() {
    if (!secret || form.busy) return;
    await form.run(async () => {
      await declineConsent(secret);
      await after("您已不同意，这次报名已取消，名额已让给其他人。");
    });
  }

  return (
    <div className="consent">
      <PageStatus status={status} error={error} />
      {view && secret && <ConsentBody view={view} />}
      {view && secret && (view.canConsent || view.canDecline) && (
        <>
          <ErrorSummary id="consent-errors" message={form.message} errors={form.errors} targets={FIELDS} />
          {view.canConsent && (
            <form noValidate onSubmit={submit} aria-labelledby="consent-form-heading">
              <h3 id="consent-form-heading">同意</h3>
              <NameField
                field={FIELDS.guardianName}
                hint="请填写报名时登记的监护人姓名，以确认是您本人同意。"
                value={name}
                onChange={setName}
                error={form.errors.guardianName}
              />
              <ConsentCheck id={FIELDS.consent.id} checked={agreed} error={form.errors.consent} onChange={setAgreed}>
                我是 {view.child.name}{" "}
                的监护人，已阅读上面的说明，同意孩子参加这场志愿清扫活动，并同意为上述目的处理孩子和我的个人信息。
              </ConsentCheck>
              <div className="actions">
                <button type="submit" aria-disabled={form.busy || undefined}>
                  {form.busy ? "正在提交…" : "同意"}
                </button>
              </div>
            </form>
          )}
          {view.canDecline && (
            <section aria-labelledby="decline-heading">
              <h3 id="decline-heading">{view.consentedAt ? "撤回同意" : "不同意"}</h3>
              <p>
                {view.consentedAt ? "活动开始前，您可以撤回同意：" : "如果您不同意，"}
                这次报名会被取消，名额让给其他人；孩子的个人信息不再用于这次活动。
              </p>
              {declining ? (
                <div className="confirm-box" id="decline-confirm" tabIndex={-1}>
                  <p>确定{view.consentedAt ? "撤回同意" : "不同意"}并取消孩子的这次报名吗？取消后不能恢复。</p>
                  <div className="actions">
                    <button type="button" aria-disabled={form.busy || undefined} onClick={decline}>
                      确定取消报名
                    </button>
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => {
                        setDeclining(false);
                        form.focusLater("decline-ask");
                      }}
                    >
                      返回
                    </button>
                  </div>
                </div>
              ) : (
                <p>
                  <button
                    type="button"
                    id="decline-ask"
                    className="secondary"
                    onClick={() => {
                      setDeclining(true);
                      form.focusLater("decline-confirm");
                    }}
                  >
                    {view.consentedAt ? "撤回同意…" : "不同意…"}
                  </button>
                </p>
              )}
            </section>
          )}
        </>
      )}
    </div>
  );
}

/** What the guardian is asked about: the child, the sweep, the data and why, and where it stands. */
function ConsentBody({ view }: { view: ConsentView }) {
  return (
    <>
      <h2 id="consent-heading" tabIndex={-1}>
        {view.child.name} 报名了志愿清扫活动，需要您同意
      </h2>
      <p className="status-line">
        状态：<strong>{view.consentedAt ? "您已同意" : view.statusLabel}</strong>
        {view.consentedAt && `（${formatDateTimeZh(view.consentedAt)}）`}
      </p>
      {view.heldUntil && view.canConsent && (
        <p>
          名额为孩子保留到 <strong>{formatDateTimeZh(view.heldUntil)}</strong>
          ：请在此之前决定；逾期未同意，名额会让给其他人。
        </p>
      )}
      {view.status === "waitlisted" && !view.consentedAt && (
        <p>孩子在候补名单上。您现在同意，递补时孩子就能直接确认名额。</p>
      )}
      {view.status === "released" && <p className="callout">名额保留期已过，名额已让给其他人，不能再同意。</p>}
      <p>
        孩子：{view.child.name}，{view.child.organisation}，活动当天{view.child.ageBand}。
      </p>
      {view.guardianMustAttend && (
        <p className="callout">这场活动要求孩子由监护人陪同参加：请您（或您委托的成年人）当天一同到场。</p>
      )}
      <h3>活动</h3>
      <p>{view.sweep.title}</p>
      <SweepFacts sweep={view.sweep} />
      {view.sensitive && (
        <section className="callout" aria-labelledby="sensitive-heading">
          <h3 id="sensitive-heading">敏感个人信息告知</h3>
          <p>{SENSITIVE_NOTICE}</p>
        </section>
      )}
      <h3>处理哪些信息，为什么</h3>
      <table className="processing">
        <caption className="visually-hidden">这次报名处理的个人信息及用途</caption>
        <thead>
          <tr>
            <th scope="col">信息</th>
            <th scope="col">用途</th>
          </tr>
        </thead>
        <tbody>
          {view.processing.map((p) => (
            <tr key={p.item}>
              <td>{p.item}</td>
              <td>{p.purpose}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        详见<a href="/privacy/">个人信息处理说明</a>。信息不公开，只有组织方和领队为组织活动使用。
      </p>
    </>
  );
}
