import { sweepDate, sweepTime } from "../../../lib/sweeps/format";
import { staffSweepHref } from "../../../lib/sweeps/staff-api";
import { STATE_LABELS } from "../../../lib/sweeps/staff-list";
import type { StaffSweep } from "../../../shared/sweeps/wire";

interface Props {
  id: string;
  caption: string;
  sweeps: StaffSweep[];
}

/** Sweeps as a table: the date links to the sweep's page; places taken and left, the waitlist. */
export function StaffSweepTable({ id, caption, sweeps }: Props) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
    <section className="table-scroll" aria-labelledby={`${id}-caption`} tabIndex={0}>
      <table className="sweeps">
        <caption id={`${id}-caption`}>
          {caption}（{sweeps.length} 场）
        </caption>
        <thead>
          <tr>
            <th scope="col">日期与时间</th>
            <th scope="col">社区</th>
            <th scope="col">活动与集合地点</th>
            <th scope="col">状态</th>
            <th scope="col">已报名 / 名额</th>
            <th scope="col">剩余</th>
            <th scope="col">候补</th>
          </tr>
        </thead>
        <tbody>
          {sweeps.map((s) => (
            <tr key={s.id} className={s.state === "cancelled" ? "disabled" : undefined}>
              <th scope="row">
                <a href={staffSweepHref(s.id)}>
                  {sweepDate(s)}
                  <br />
                  {sweepTime(s)}
                </a>
              </th>
              <td>{s.communityName}</td>
              <td>
                {s.title}
                <br />
                <span className="muted">{s.meetingPoint}</span>
              </td>
              <td>{STATE_LABELS[s.state]}</td>
              <td className="nowrap">
                {s.placesTaken} / {s.capacity}
              </td>
              <td className={s.placesLeft === 0 ? "nowrap full" : "nowrap"}>
                {s.placesLeft === 0 ? "已满" : s.placesLeft}
              </td>
              <td className="nowrap">
                {s.waitlisted} / {s.waitlistLimit}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
