import { agesText, placesText, sweepDate, sweepTime } from "../../lib/sweeps/format";
import type { PublicSweep } from "../../shared/sweeps/wire";
import { formatDateTimeZh } from "../../shared/time";

/** What a sweep's page tells before the sign-up: when, where, who organises it, what to bring, the cover. */
export function SweepFacts({ sweep }: { sweep: PublicSweep }) {
  const rows: [string, string][] = [
    ["日期", sweepDate(sweep)],
    ["时间", `${sweepTime(sweep)}（北京时间）`],
    ["社区", sweep.communityName],
    ["集合地点", sweep.meetingPoint],
    ["名额", placesText(sweep)],
    ["适合年龄", agesText(sweep)],
    ["组织方", sweep.organiser],
    ["领队联系方式", sweep.leaderContact],
    ["请携带", sweep.whatToBring],
    ["保险", `组织方已为每位志愿者投保意外伤害险（保单号 ${sweep.insuranceRef}）。`],
    ["取消截止", `${formatDateTimeZh(sweep.cancelCutoffAt)}；之后取消记为“截止后取消”。`],
  ];
  return (
    <dl className="facts">
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The safety points every sweep shares: the same on each sweep's page. */
export function SafetyNotes() {
  return (
    <>
      <h3>安全须知</h3>
      <ul>
        <li>穿反光背心（现场发放），在人行道和领队划定的范围内清扫，不进入机动车道。</li>
        <li>不徒手捡拾玻璃、针头等尖锐物品，交给领队处理；戴好手套。</li>
        <li>身体不适或遇到危险，立即告诉领队；紧急情况拨打 110 或 120。</li>
      </ul>
    </>
  );
}
