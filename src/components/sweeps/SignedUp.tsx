import { sweepDate, sweepTime } from "../../lib/sweeps/format";
import type { PublicSweep, SignupResult } from "../../shared/sweeps/wire";
import { formatDateTimeZh } from "../../shared/time";
import { CopyButton } from "../forms/CopyButton";
import { CalendarButton } from "./CalendarButton";

/** The answer: confirmed or waitlisted (with the position), the manage link to keep, the calendar file. */
export function SignedUp({ sweep, result }: { sweep: PublicSweep; result: SignupResult }) {
  const link = location.origin + result.managePath;
  const confirmed = result.status === "confirmed";
  const held = result.status === "pending_consent";
  const consentLink = result.consentPath ? location.origin + result.consentPath : null;
  const heading = confirmed
    ? "报名成功，名额已确认"
    : held
      ? "名额已为您保留，等待监护人同意"
      : `已进入候补，第 ${result.position ?? "?"} 位`;
  return (
    <section className="signed-up" aria-labelledby="signed-up-heading">
      <h2 id="signed-up-heading" tabIndex={-1}>
        {heading}
      </h2>
      <p>
        {sweep.title}：{sweepDate(sweep)} {sweepTime(sweep)}，{sweep.communityName} · {sweep.meetingPoint}
      </p>
      {consentLink && (
        <GuardianLinkBox link={consentLink} heldUntil={result.heldUntil} mustAttend={result.guardianMustAttend} />
      )}
      {!consentLink && result.guardianMustAttend && <p className="callout">这场活动须由监护人陪同参加。</p>}
      {confirmed || held ? (
        <p>请按时到集合地点找领队签到。不能来时请尽早在管理页面取消，把名额留给候补的同学。</p>
      ) : (
        <p>
          有人取消时，按候补先后递补。轮到您时，管理页面会显示“候补递补，待确认”，请在限定时间内确认，否则名额给下一位。
        </p>
      )}
      <p>{formatDateTimeZh(sweep.cancelCutoffAt)} 以后取消，会记为“截止后取消”。</p>
      <h3>管理链接</h3>
      <p className="callout">
        这个链接是您查看状态、确认递补、取消报名的唯一凭证：请收藏或复制保存，不要转发或公开。活动变更的通知也会显示在那里。
      </p>
      <p className="manage-link">
        <a href={link}>{link}</a>
      </p>
      <CopyButton text={link} label="复制管理链接" />
      <h3>添加到日历</h3>
      <CalendarButton sweep={sweep} manageUrl={link} />
      <p>
        <a href="/volunteer/">返回清扫活动列表</a>
      </p>
    </section>
  );
}

/** A minor's part of the answer: the guardian's own link, shown once, and how long the place is held. */
function GuardianLinkBox({
  link,
  heldUntil,
  mustAttend,
}: {
  link: string;
  heldUntil: string | null;
  mustAttend: boolean;
}) {
  return (
    <section className="confirm-box" aria-labelledby="guardian-link-heading">
      <h3 id="guardian-link-heading">请监护人同意</h3>
      {heldUntil ? (
        <p>
          名额保留到 <strong>{formatDateTimeZh(heldUntil)}</strong>
          ：监护人在此之前通过下面的链接同意，名额才确认；逾期未同意，名额会让给其他人。
        </p>
      ) : (
        <p>您在候补名单上。监护人可以现在就同意，递补时您就能直接确认名额。</p>
      )}
      {mustAttend && <p>这场活动须由监护人陪同参加。</p>}
      <p>
        把这个链接发给您的监护人（父母或其他法定监护人）。它只在这里显示一次，请现在复制发送；丢失后可在管理页面重新生成。
      </p>
      <p className="manage-link">
        <a href={link}>{link}</a>
      </p>
      <CopyButton text={link} label="复制监护人同意链接" />
    </section>
  );
}
