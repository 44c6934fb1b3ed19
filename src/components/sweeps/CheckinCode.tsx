import { formatMinutes, roundingRule } from "../../shared/sweeps/hours";
import type { ManageView } from "../../shared/sweeps/wire";
import { formatDateTimeZh } from "../../shared/time";
import { PublicCaseQr } from "../complaints/PublicCaseQr";

/** "AB12CD34" → "AB12 CD34": two groups of four are easier to read out and to type. */
const grouped = (code: string) => `${code.slice(0, 4)} ${code.slice(4)}`;

/**
 * The manage page's part of the day: before and during the sweep, the check-in code the volunteer
 * shows the leader (large, and as a QR of just the code); afterwards, the attendance and hours.
 */
export function CheckinCode({ view }: { view: ManageView }) {
  const { day, sweep } = view;
  const ended = Date.now() >= Date.parse(sweep.endsAt);
  if (sweep.state === "cancelled") return null;
  return (
    <section className="checkin-panel" aria-labelledby="checkin-heading">
      {day.checkinCode && !ended && day.checkedInAt === null && day.attendance === null && (
        <>
          <h3 id="checkin-heading">签到码</h3>
          <p>活动当天到集合地点后，把签到码或二维码出示给领队签到。</p>
          <p className="checkin-code">{grouped(day.checkinCode)}</p>
          <PublicCaseQr text={day.checkinCode} label={`签到码二维码：${day.checkinCode}`} />
        </>
      )}
      {(day.attendance !== null || day.checkedInAt !== null) && (
        <>
          <h3 id="checkin-heading">签到与时长</h3>
          {day.attendance === "no_show" ? (
            <p>本次活动记为未到场。如有误，请联系领队或活动组织方更正。</p>
          ) : (
            <dl className="facts">
              <div>
                <dt>签到</dt>
                <dd>{day.checkedInAt ? formatDateTimeZh(day.checkedInAt) : "—"}</dd>
              </div>
              <div>
                <dt>签退</dt>
                <dd>{day.checkedOutAt ? formatDateTimeZh(day.checkedOutAt) : "尚未签退"}</dd>
              </div>
              <div>
                <dt>服务时长</dt>
                <dd>
                  {day.minutes === null ? "签退后计算" : formatMinutes(day.minutes)}
                  {day.minutes !== null && (day.hoursApproved ? "（已审核）" : "（待工作人员审核）")}
                </dd>
              </div>
            </dl>
          )}
          {day.attendance !== "no_show" && <p className="muted">{roundingRule()}</p>}
          {day.checkinCode && day.checkedOutAt === null && day.attendance === "attended" && !ended && (
            <p>
              签退时请再次出示签到码：<strong className="checkin-code-small">{grouped(day.checkinCode)}</strong>
            </p>
          )}
        </>
      )}
    </section>
  );
}
