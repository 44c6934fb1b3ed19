import { useState } from "react";
import { ApiError, errorMessage } from "../../lib/kit/problem";
import { sweepDate, sweepTime } from "../../lib/sweeps/format";
import { announce, matching, withEntry } from "../../lib/sweeps/lead";
import { addWalkIn, attend, type DayAction, leaderRoster } from "../../lib/sweeps/lead-api";
import type { AttendanceTarget, WalkInInput } from "../../shared/sweeps/day-schemas";
import { ManageTokenSchema } from "../../shared/sweeps/schemas";
import { formatDateTimeZh } from "../../shared/time";
import { useLinkSecret } from "../forms/useLinkSecret";
import { CodeBox } from "./CodeBox";
import { LeaderRosterList } from "./LeaderRosterList";
import { WalkInForm } from "./WalkInForm";

interface Failure {
  message: string;
  /** Set when no answer came (the street's network): the same step is safe to send again. */
  retry?: () => void;
}

/**
 * The sweep leader's phone page, opened by the leader link (its secret in the fragment, sent only
 * in the x-leader-token header): counts, a code box, the roll with a tap per step, walk-ins.
 * Every step's outcome is said in a polite live region; a dropped connection says so and offers
 * to send the step again.
 */
export default function LeaderPage() {
  const {
    secret: token,
    view,
    setView,
    status,
    setStatus,
    error,
  } = useLinkSecret({
    schema: ManageTokenSchema,
    open: leaderRoster,
    missing: "领队链接不完整。请从工作人员发来的链接完整打开。",
  });
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  const [search, setSearch] = useState("");

  /** Runs one step; true when it went through. A refusal is said as the API says it. */
  async function step(task: () => Promise<string>): Promise<boolean> {
    if (!token || busy) return false;
    setBusy(true);
    setFailure(null);
    setStatus("");
    try {
      setStatus(await task());
      return true;
    } catch (err) {
      const offline = err instanceof ApiError && err.kind === "network";
      setFailure({
        message: offline ? "网络中断，这一步没有完成。请在信号好时重试。" : errorMessage(err, "操作没有成功，请重试。"),
        retry: offline ? () => step(task) : undefined,
      });
      return false;
    } finally {
      setBusy(false);
    }
  }

  const act = (action: DayAction, target: AttendanceTarget) =>
    step(async () => {
      const result = await attend(token ?? "", action, target);
      setView((old) => (old ? withEntry(old, result.entry) : old));
      return announce(action, result);
    });

  async function walkIn(input: WalkInInput) {
    const result = await addWalkIn(token ?? "", input);
    setView((old) => (old ? withEntry(old, result.entry) : old));
    setStatus(`${result.entry.name} 现场报名成功，已签到。`);
    return result;
  }

  async function reload() {
    await step(async () => {
      setView(await leaderRoster(token ?? ""));
      return "名单已刷新。";
    });
  }

  const started = view ? Date.now() >= Date.parse(view.sweep.startsAt) : false;
  return (
    <div className="leader">
      <p role="status" className="status-line">
        {status}
      </p>
      <div role="alert">
        {(failure || error) && (
          <div className="error-summary">
            <p>{failure?.message ?? error}</p>
            {failure?.retry && (
              <button type="button" onClick={failure.retry}>
                重试
              </button>
            )}
          </div>
        )}
      </div>
      {view && token && (
        <>
          <h2>{view.sweep.title}</h2>
          <p>
            {sweepDate(view.sweep)} {sweepTime(view.sweep)} · {view.sweep.communityName} · {view.sweep.meetingPoint}
          </p>
          <ul className="leader-counts" aria-label="人数">
            <li>
              已确认 <strong>{view.counts.confirmed}</strong>
            </li>
            <li>
              已签到 <strong>{view.counts.checkedIn}</strong>
            </li>
            <li>
              已签退 <strong>{view.counts.checkedOut}</strong>
            </li>
            <li>
              未到场 <strong>{view.counts.noShow}</strong>
            </li>
            <li>
              空余 <strong>{view.counts.placesLeft}</strong>
            </li>
          </ul>
          {view.hoursApproved ? (
            <p className="callout">本场时长已审核，签到记录只能由工作人员更正。</p>
          ) : (
            <>
              <p className="muted">签到时间：{formatDateTimeZh(view.checkInOpensAt)} 起，至活动结束。</p>
              <CodeBox busy={busy} onCode={(code, action) => act(action, { code })} />
            </>
          )}
          <div className="field">
            <label htmlFor="roster-search">按姓名查找</label>
            <input id="roster-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
          </div>
          <div className="actions">
            <button type="button" className="secondary" aria-disabled={busy || undefined} onClick={reload}>
              刷新名单
            </button>
          </div>
          <LeaderRosterList
            entries={matching(view.entries, search)}
            started={started}
            locked={view.hoursApproved}
            busy={busy}
            onAct={(action, entry) => act(action, { signupId: entry.id })}
          />
          {!view.hoursApproved && <WalkInForm placesLeft={view.counts.placesLeft} add={walkIn} />}
        </>
      )}
    </div>
  );
}
