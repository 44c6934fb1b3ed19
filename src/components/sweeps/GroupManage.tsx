import { useState } from "react";
import { errorMessage } from "../../lib/kit/problem";
import { sweepDate, sweepTime } from "../../lib/sweeps/format";
import { cancelGroup, cancelMember, groupView } from "../../lib/sweeps/group-api";
import { sweepPath } from "../../lib/sweeps/manage-link";
import { GroupTokenSchema } from "../../shared/sweeps/schemas";
import type { GroupMemberResult, GroupMemberView, MemberConsent } from "../../shared/sweeps/wire";
import { formatDateTimeZh } from "../../shared/time";
import { CopyButton } from "../forms/CopyButton";
import { PageStatus } from "../forms/PageStatus";
import { useFocusLater } from "../forms/useFocusLater";
import { useLinkSecret } from "../forms/useLinkSecret";
import { GroupMemberForm } from "./GroupMemberForm";
import { MessageList } from "./MessageList";

const CONSENT_TEXT: Record<Exclude<MemberConsent, null>, string> = {
  not_needed: "",
  pending: "，待监护人同意",
  given: "，监护人已同意",
};

const ACTIVE = new Set(["reserved", "confirmed", "pending_consent", "offered", "waitlisted"]);

/** The links a completed member's contact forwards: shown once, as the server keeps only their hashes. */
function Forward({ member, result }: { member: GroupMemberView; result: GroupMemberResult }) {
  const manage = location.origin + result.managePath;
  const consent = result.consentPath ? location.origin + result.consentPath : null;
  return (
    <div className="forward" id={`member-${member.id}-done`} tabIndex={-1}>
      <p>
        已保存。请把<strong>个人管理链接</strong>转发给 {member.name}（只显示这一次）：
      </p>
      <p className="manage-link">
        <a href={manage}>{manage}</a>
      </p>
      <CopyButton text={manage} label={`复制 ${member.name} 的管理链接`} />
      {consent && (
        <>
          <p>
            {member.name} 未满 18 周岁：请把<strong>监护人同意链接</strong>转发给监护人，同意后名额才确认。
          </p>
          <p className="manage-link">
            <a href={consent}>{consent}</a>
          </p>
          <CopyButton text={consent} label={`复制 ${member.name} 的监护人同意链接`} />
        </>
      )}
    </div>
  );
}

/**
 * The group's page, opened by the group link (the secret only in the x-group-token header): every
 * held place with its state, a form per place to complete, giving places back, and the deadline.
 */
export default function GroupManage() {
  const {
    secret: token,
    view,
    setView,
    status,
    setStatus,
    error,
    setError,
  } = useLinkSecret({
    schema: GroupTokenSchema,
    open: groupView,
    missing: "团体链接不完整。请从团体报名成功页面完整复制链接后打开。",
  });
  const [editing, setEditing] = useState<number | null>(null);
  const [asking, setAsking] = useState<number | "group" | null>(null);
  const [done, setDone] = useState<Record<number, GroupMemberResult>>({});
  const [busy, setBusy] = useState(false);
  const focus = useFocusLater();

  async function act(task: () => Promise<unknown>, message: string, focusId: string) {
    if (!token || busy) return;
    setBusy(true);
    setError("");
    try {
      await task();
      setView(await groupView(token));
      setStatus(message);
      setAsking(null);
      focus(focusId);
    } catch (err) {
      setError(errorMessage(err, "操作没有成功，请稍后再试。"));
    } finally {
      setBusy(false);
    }
  }

  async function completed(member: GroupMemberView, result: GroupMemberResult) {
    if (!token) return;
    setDone((d) => ({ ...d, [member.id]: result }));
    setEditing(null);
    setView(await groupView(token).catch(() => view));
    setStatus(`第 ${member.slot} 位已保存：${result.member.statusLabel}。`);
    focus(`member-${member.id}-done`);
  }

  const group = view?.group;
  const filled = view?.members.filter((m) => m.status !== "reserved" && ACTIVE.has(m.status)).length ?? 0;
  const open = view?.members.filter((m) => m.status === "reserved").length ?? 0;
  return (
    <div className="manage group-manage">
      <PageStatus status={status} error={error} />
      {view && group && token && (
        <>
          <h2 id="group-heading" tabIndex={-1}>
            {group.organisation} 的团体报名
          </h2>
          <p>
            <a href={sweepPath(view.sweep.id)}>{view.sweep.title}</a>：{sweepDate(view.sweep)} {sweepTime(view.sweep)}，
            {view.sweep.communityName} · {view.sweep.meetingPoint}
          </p>
          <p>联系人：{group.contactName}</p>
          {group.cancelled ? (
            <p className="callout">这个团体报名已取消，名额已让给其他人。</p>
          ) : view.sweep.state === "cancelled" ? (
            <p className="callout">这场活动已取消。</p>
          ) : (
            <p className="status-line">
              共 {group.size} 个名额，已填写 <strong>{filled}</strong> 位
              {open > 0 && (
                <>
                  ，还有 {open} 位请在 <strong>{formatDateTimeZh(group.completeBy)}</strong>{" "}
                  前填写，逾期未填写的名额将释放给其他人
                </>
              )}
              。
            </p>
          )}
          <h3 id="members-heading">成员名额</h3>
          <ol className="group-members" aria-labelledby="members-heading">
            {view.members.map((m) => {
              const label = `第 ${m.slot} 位`;
              const forward = done[m.id];
              return (
                <li key={m.id} className="card">
                  <p>
                    <strong>{label}</strong>：{m.name || "待填写"} · {m.statusLabel}
                    {m.consent ? CONSENT_TEXT[m.consent] : ""}
                  </p>
                  {forward && <Forward member={{ ...m, name: forward.member.name }} result={forward} />}
                  {group.canChange && m.status === "reserved" && (
                    <div className="actions">
                      <button
                        type="button"
                        className="secondary"
                        aria-expanded={editing === m.id}
                        aria-controls={`member-${m.id}-form`}
                        onClick={() => setEditing(editing === m.id ? null : m.id)}
                      >
                        {editing === m.id ? `收起${label}` : `填写${label}的信息`}
                      </button>
                    </div>
                  )}
                  <div id={`member-${m.id}-form`}>
                    {editing === m.id && (
                      <GroupMemberForm
                        token={token}
                        sweep={view.sweep}
                        memberId={m.id}
                        slot={m.slot}
                        onDone={(result) => completed(m, result)}
                      />
                    )}
                  </div>
                  {group.canChange && ACTIVE.has(m.status) && (
                    <div className="actions">
                      {asking === m.id ? (
                        <>
                          <span>确定不要{label}的名额？名额将让给其他人。</span>
                          <button
                            type="button"
                            aria-disabled={busy || undefined}
                            onClick={() =>
                              act(() => cancelMember(token, m.id), `${label}的名额已让出。`, "members-heading")
                            }
                          >
                            确定让出
                          </button>
                          <button type="button" className="secondary" onClick={() => setAsking(null)}>
                            保留
                          </button>
                        </>
                      ) : (
                        <button type="button" className="secondary" onClick={() => setAsking(m.id)}>
                          让出{label}的名额
                        </button>
                      )}
                    </div>
                  )}
                </li>
              );
            })}
          </ol>
          <MessageList messages={view.messages} />
          {group.canChange && (
            <section aria-labelledby="group-cancel-heading">
              <h3 id="group-cancel-heading">取消整个团体</h3>
              <p>全体不能参加时，请尽早取消，名额会让给候补的同学。已填写信息的成员会收到取消通知。</p>
              <div className="actions">
                {asking === "group" ? (
                  <>
                    <span>确定取消全部 {group.size} 个名额？</span>
                    <button
                      type="button"
                      aria-disabled={busy || undefined}
                      onClick={() => act(() => cancelGroup(token), "团体报名已取消。", "group-heading")}
                    >
                      确定取消全体
                    </button>
                    <button type="button" className="secondary" onClick={() => setAsking(null)}>
                      不取消
                    </button>
                  </>
                ) : (
                  <button type="button" className="secondary" onClick={() => setAsking("group")}>
                    取消整个团体报名
                  </button>
                )}
              </div>
            </section>
          )}
        </>
      )}
    </div>
  );
}
