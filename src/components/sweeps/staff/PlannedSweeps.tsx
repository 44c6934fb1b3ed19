import { sweepDate, sweepTime } from "../../../lib/sweeps/format";
import { staffSweepHref } from "../../../lib/sweeps/staff-api";
import { STATE_LABELS } from "../../../lib/sweeps/staff-list";
import type { StaffSweep } from "../../../shared/sweeps/wire";

interface Props {
  sweeps: StaffSweep[];
  onAgain: () => void;
}

/** What one plan created: each sweep with a link to its page. */
export function PlannedSweeps({ sweeps, onAgain }: Props) {
  return (
    <section aria-labelledby="planned-heading">
      <h2 id="planned-heading" tabIndex={-1}>
        已创建 {sweeps.length} 场活动
      </h2>
      <p>
        {sweeps[0]?.state === "open"
          ? "已开放报名，市民现在可以在“志愿活动”页面报名。"
          : "已保存为草稿，开放报名前市民看不到。"}
      </p>
      <ul className="planned-list">
        {sweeps.map((s) => (
          <li key={s.id}>
            <a href={staffSweepHref(s.id)}>
              {sweepDate(s)} {sweepTime(s)} · {s.communityName} · {s.title}
            </a>
            <span className="muted">（{STATE_LABELS[s.state]}）</span>
          </li>
        ))}
      </ul>
      <div className="actions">
        <button type="button" className="secondary" onClick={onAgain}>
          继续规划
        </button>
        <a href="/staff/sweeps/">返回活动列表</a>
      </div>
    </section>
  );
}
