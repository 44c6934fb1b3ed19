import type { CalendarDay, StaffCalendar } from "../../../../shared/appointments/calendar-staff";
import { formatDateZh } from "../../../../shared/time";

const dayText = (d: CalendarDay) => `${formatDateZh(d.day)} ${d.hours.join("、")}`;

/** Each ISO week's real hours; a week below the minimum says why and where the nearest hours are. */
export function WeeksTable({ calendar }: { calendar: StaffCalendar }) {
  return (
    <section aria-labelledby="weeks-heading">
      <h3 id="weeks-heading">每周实际办公时间</h3>
      <p className="muted">
        规定每周不少于 {calendar.minimumWeeklyHours} 小时（扣除节假日和临时闭门）。可预约至{" "}
        {formatDateZh(calendar.horizonEnd)}。
      </p>
      {/* Scrolls sideways on a phone instead of the page; focusable so a keyboard can scroll it. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1). */}
      <section className="table-scroll" aria-labelledby="weeks-heading" tabIndex={0}>
        <table className="calendar-weeks">
          <thead>
            <tr>
              <th scope="col">周</th>
              <th scope="col">日期</th>
              <th scope="col">小时</th>
              <th scope="col">说明</th>
            </tr>
          </thead>
          <tbody>
            {calendar.weeks.map((w) =>
              "unknownYear" in w ? (
                <tr key={w.week}>
                  <th scope="row">{w.week}</th>
                  <td colSpan={3}>{w.unknownYear} 年节假日安排尚未录入，无法计算</td>
                </tr>
              ) : (
                <tr key={w.week} className={w.below ? "week-below" : undefined}>
                  <th scope="row">{w.week}</th>
                  <td>
                    {formatDateZh(w.days[0]?.day ?? "")}–{formatDateZh(w.days[6]?.day ?? "")}
                  </td>
                  <td>
                    {w.hours}
                    {w.below && <strong> 不足 {calendar.minimumWeeklyHours} 小时</strong>}
                  </td>
                  <td>
                    {w.reasons.join("；")}
                    {w.nearestExtra.length > 0 && (
                      <span className="nearest-extra"> 最近的办公时间：{w.nearestExtra.map(dayText).join("；")}</span>
                    )}
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      </section>
    </section>
  );
}
