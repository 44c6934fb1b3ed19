import { useState } from "react";
import { errorMessage } from "../../lib/kit/problem";
import { cancelSignup, confirmOffer, manageView } from "../../lib/sweeps/api";
import { sweepDate, sweepTime } from "../../lib/sweeps/format";
import { sweepPath } from "../../lib/sweeps/manage-link";
import { ManageTokenSchema } from "../../shared/sweeps/schemas";
import { formatDateTimeZh } from "../../shared/time";
import { PageStatus } from "../forms/PageStatus";
import { useFocusLater } from "../forms/useFocusLater";
import { useLinkSecret } from "../forms/useLinkSecret";
import { CalendarButton } from "./CalendarButton";
import { CancelPanel } from "./CancelPanel";
import { CertificatePanel } from "./CertificatePanel";
import { CheckinCode } from "./CheckinCode";
import { ConsentStatus } from "./ConsentStatus";
import { MessageList } from "./MessageList";

/**
 * The manage page: opened by the secret in the link's fragment, which is sent only in the
 * x-manage-token header (never in a URL the server sees). Status, messages, confirming an
 * offered place, cancelling, and the calendar file.
 */
export default function ManageSignup() {
  const {
    secret: token,
    view,
    setView,
    status,
    setStatus,
    error,
    setError,
  } = useLinkSecret({
    schema: ManageTokenSchema,
    open: manageView,
    missing: "管理链接不完整。请从报名成功页面完整复制链接后打开。",
  });
  const [busy, setBusy] = useState(false);
  const focus = useFocusLater();

  async function reload(t: string, message = "") {
    setView(await manageView(t));
    setStatus(message);
  }

  async function act(task: () => Promise<unknown>, done: string) {
    if (!token || busy) return;
    setBusy(true);
    setError("");
    try {
      await task();
      await reload(token, done);
      focus("manage-heading");
    } catch (err) {
      setError(errorMessage(err, "操作没有成功，请稍后再试。"));
    } finally {
      setBusy(false);
    }
  }

  const signup = view?.signup;
  return (
    <div className="manage">
      <PageStatus status={status} error={error} />
      {view && signup && token && (
        <>
          <h2 id="manage-heading" tabIndex={-1}>
            {signup.name} 的报名
          </h2>
          <p className="status-line">
            状态：<strong>{signup.statusLabel}</strong>
            {signup.status === "waitlisted" && signup.position !== null && `（候补第 ${signup.position} 位）`}
          </p>
          <p>
            <a href={sweepPath(view.sweep.id)}>{view.sweep.title}</a>：{sweepDate(view.sweep)} {sweepTime(view.sweep)}，
            {view.sweep.communityName} · {view.sweep.meetingPoint}
          </p>
          {view.sweep.state === "cancelled" && <p className="callout">这场活动已取消。</p>}
          <ConsentStatus view={view} token={token} />
          {signup.status === "offered" && (
            <div className="confirm-box">
              <p>
                有人取消，名额递补给了您。请在{" "}
                <strong>{formatDateTimeZh(signup.offeredUntil ?? view.sweep.startsAt)}</strong>{" "}
                前确认，否则名额给下一位候补。
              </p>
              <button
                type="button"
                aria-disabled={busy || undefined}
                onClick={() => act(() => confirmOffer(token), "已确认参加。")}
              >
                确认参加
              </button>
            </div>
          )}
          <CheckinCode view={view} />
          {(signup.status === "confirmed" || signup.status === "offered" || signup.status === "waitlisted") && (
            <>
              <h3>添加到日历</h3>
              <CalendarButton sweep={view.sweep} manageUrl={location.href} />
            </>
          )}
          {signup.canCancel && (
            <CancelPanel
              late={signup.cancelIsLate}
              cutoff={view.sweep.cancelCutoffAt}
              busy={busy}
              onCancel={() =>
                act(() => cancelSignup(token), signup.cancelIsLate ? "报名已取消（记为截止后取消）。" : "报名已取消。")
              }
            />
          )}
          <CertificatePanel token={token} />
          <MessageList messages={view.messages} />
        </>
      )}
    </div>
  );
}
