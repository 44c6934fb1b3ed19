import { agesText, sweepDate, sweepTime } from "../../../lib/sweeps/format";
import { STATE_LABELS } from "../../../lib/sweeps/staff-list";
import type { StaffSweep } from "../../../shared/sweeps/wire";
import { formatDateTimeZh } from "../../../shared/time";

/** What a sweep is, as the API holds it: time, place, places, ages, organiser, insurance, state. */
export function StaffSweepFacts({ sweep: s }: { sweep: StaffSweep }) {
  const rows: [string, string][] = [
    ["状态", STATE_LABELS[s.state]],
    ["日期", `${sweepDate(s)} ${sweepTime(s)}`],
    ["社区", s.communityName],
    ["集合地点", `${s.meetingPoint}（${s.lat.toFixed(5)}, ${s.lng.toFixed(5)}）`],
    ["名额", `已占 ${s.placesTaken} / 共 ${s.capacity}，剩余 ${s.placesLeft}（其中递补待确认 ${s.offered}）`],
    ["候补", `${s.waitlisted} 人 / 上限 ${s.waitlistLimit}`],
    ["年龄", agesText(s)],
    ["组织方", s.organiser],
    ["领队联系方式", s.leaderContact],
    ["携带物品", s.whatToBring || "未填写"],
    ["意外保险单号", s.insuranceRef || "未填写（不能开放报名）"],
    ["取消截止", formatDateTimeZh(s.cancelCutoffAt)],
    ["最后修改", `${formatDateTimeZh(s.updatedAt)}（第 ${s.version} 版）`],
  ];
  if (s.cancelledAt) rows.push(["取消", `${formatDateTimeZh(s.cancelledAt)}：${s.cancelReason ?? ""}`]);
  return (
    <section className="sweep-facts" aria-labelledby="sweep-facts-heading">
      <h2 id="sweep-facts-heading">
        {s.title} · {s.communityName}
      </h2>
      <dl className="facts">
        {rows.map(([k, v]) => (
          <div key={k} className="fact">
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
