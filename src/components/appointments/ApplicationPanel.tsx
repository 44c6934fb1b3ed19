// The merchant's signboard application on the booking's manage page (and the lookup's answer): the
// step and its last day in working days, every missing material with its deadline, the decision
// with its reasons, the inspection booked and the timeline. No name or phone: the API sends none.

import { whenText } from "../../lib/appointments/format";
import type { PublicApplicationView } from "../../shared/appointments/applications-wire";
import { formatDateTimeZh, formatDateZh } from "../../shared/time";

interface Props {
  application: PublicApplicationView;
  /** The id of the section's heading (two panels never share a page). */
  headingId?: string;
}

/** "还有 3 个工作日", "今天截止", "已逾期 2 个工作日". */
export function daysLeftText(n: number | null): string | null {
  if (n === null) return null;
  if (n > 0) return `还有 ${n} 个工作日`;
  if (n === 0) return "今天截止";
  return `已超过期限 ${-n} 个工作日`;
}

export function ApplicationPanel({ application: a, headingId = "application-heading" }: Props) {
  const outstanding = a.missing.filter((m) => m.suppliedAt === null);
  const supplied = a.missing.filter((m) => m.suppliedAt !== null);
  const left = daysLeftText(a.workingDaysLeft);
  return (
    <section className="application" aria-labelledby={headingId}>
      <h3 id={headingId}>店招设置申请</h3>
      <dl className="facts">
        <div>
          <dt>申请编号</dt>
          <dd>
            <span className="booking-number">{a.applicationNumber}</span>
          </dd>
        </div>
        <div>
          <dt>当前步骤</dt>
          <dd>
            <strong>{a.stepLabel}</strong>
            {a.decisionLabel && <>（{a.decisionLabel}）</>}
          </dd>
        </div>
        {a.dueOn && (
          <div>
            <dt>本步骤期限</dt>
            <dd>
              {formatDateZh(a.dueOn)}
              {left && <>，{left}</>}
              {a.dueEstimated && "（明年节假日尚未公布，按周一至周五估算）"}
            </dd>
          </div>
        )}
        <div>
          <dt>办理服务点</dt>
          <dd>
            {a.point.name}，{a.point.address}
          </dd>
        </div>
      </dl>
      {a.limitText && <p>{a.limitText}。</p>}
      {outstanding.length > 0 && (
        <div className="callout">
          <h4>需要补正的材料（一次性告知）</h4>
          <ul>
            {outstanding.map((m) => (
              <li key={m.id}>
                {m.item}
                {m.note && <>：{m.note}</>}（{formatDateZh(m.dueOn)} 前）
              </li>
            ))}
          </ul>
          <p>请带齐以上材料到服务点补正；可先预约“现场收件”，避免排队。</p>
        </div>
      )}
      {supplied.length > 0 && (
        <>
          <h4>已补齐的材料</h4>
          <ul>
            {supplied.map((m) => (
              <li key={m.id}>
                {m.item}（{formatDateTimeZh(m.suppliedAt as string)} 收到）
              </li>
            ))}
          </ul>
        </>
      )}
      {a.inspection && (
        <p>
          现场查看：{whenText(a.inspection)}，预约号 {a.inspection.bookingNumber}
          {a.inspection.status === "cancelled" && "（已取消）"}。
        </p>
      )}
      {a.decision && (
        <div className="callout">
          <h4>审批决定：{a.decisionLabel}</h4>
          {a.reasons && <p>{a.reasons}</p>}
          {a.decidedAt && <p>决定时间：{formatDateTimeZh(a.decidedAt)}</p>}
        </div>
      )}
      <h4>办理进度</h4>
      <ol className="application-timeline">
        {a.timeline.map((t) => (
          <li key={`${t.at}-${t.action}`}>
            <time dateTime={t.at}>{formatDateTimeZh(t.at)}</time> {t.label}（{t.stepLabel}）{t.note && <>：{t.note}</>}
            {t.dueOn && <>，期限 {formatDateZh(t.dueOn)}</>}
          </li>
        ))}
      </ol>
    </section>
  );
}
