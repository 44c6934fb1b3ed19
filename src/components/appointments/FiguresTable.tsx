import type { ReactNode } from "react";
import type {
  ApplicationFigures,
  AppointmentFigures,
  BookingFigures,
  FiguresRow,
} from "../../shared/appointments/figures";
import { formatRate } from "../../shared/complaints/figures";

const WITHHELD = "少于 5";
const num = (n: number | null | undefined, unit = "") => (n === null || n === undefined ? "—" : `${n}${unit}`);

function BookingCells({ b }: { b: BookingFigures | null }) {
  if (!b)
    return (
      <td colSpan={4} className="withheld">
        {WITHHELD}，不公布
      </td>
    );
  return (
    <>
      <td>{b.bookings}</td>
      <td>{b.attended}</td>
      <td>
        {b.noShows}
        <span className="basis">{formatRate(b.noShowRate)}</span>
      </td>
      <td>{b.walkIns}</td>
    </>
  );
}

function ApplicationCells({ a }: { a: ApplicationFigures | null }) {
  if (!a)
    return (
      <td colSpan={5} className="withheld">
        {WITHHELD}，不公布
      </td>
    );
  return (
    <>
      <td>{a.decided}</td>
      <td>{num(a.averageWorkingDays)}</td>
      <td>
        {formatRate(a.onTimeRate)}
        <span className="basis">
          {a.onTime}/{a.decided}
        </span>
      </td>
      <td>{num(a.averageTrips)}</td>
      <td>
        {formatRate(a.oneTripRate)}
        <span className="basis">
          {a.oneTrip}/{a.decided}
        </span>
      </td>
    </>
  );
}

const Row = ({ row }: { row: FiguresRow }) => (
  <>
    <BookingCells b={row.bookings} />
    <ApplicationCells a={row.applications} />
  </>
);

/**
 * One row per service point with its booking and application figures, the bureau's row last, then
 * the bookings per service. A point's figures resting on fewer than 5 bookings or applications say
 * so instead of a number. On a phone the table scrolls sideways inside its own focusable region.
 * The staff page (src/components/appointments/staff/figures/) passes its own note, the name of
 * what the total and the services cover (the points the account reaches), and no total row when
 * it would repeat one point's.
 */
export function FiguresTable({
  figures,
  label,
  serviceNames,
  note,
  scopeName = "全区",
  showTotal = true,
}: {
  figures: AppointmentFigures;
  label: string;
  serviceNames: Record<string, string>;
  /** The line above the table, instead of the public small-number note. */
  note?: ReactNode;
  /** What the total row and the services table cover. */
  scopeName?: string;
  showTotal?: boolean;
}) {
  return (
    <>
      {note ?? (
        <p className="muted">
          “少于 5”表示该服务点本月的预约或作出决定的申请不足 5
          件，为免指向具体商户不公布数字；“—”表示没有可计算的数。表格较宽时可左右滑动。
        </p>
      )}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1). */}
      <section className="table-scroll" aria-labelledby="points-caption" tabIndex={0}>
        <table className="figures-table">
          <caption id="points-caption">{label}各服务点预约和店招申请办理情况</caption>
          <thead>
            <tr>
              <th scope="col">服务点</th>
              <th scope="col">预约数</th>
              <th scope="col">到场</th>
              <th scope="col">爽约（爽约率）</th>
              <th scope="col">现场加号</th>
              <th scope="col">作出决定（件）</th>
              <th scope="col">平均办理工作日</th>
              <th scope="col">按时办理率</th>
              <th scope="col">平均跑动次数</th>
              <th scope="col">一次办成率</th>
            </tr>
          </thead>
          <tbody>
            {figures.points.map((p) => (
              <tr key={p.pointId}>
                <th scope="row">{p.pointName}</th>
                <Row row={p} />
              </tr>
            ))}
          </tbody>
          {showTotal && (
            <tfoot>
              <tr>
                <th scope="row">{scopeName}合计</th>
                <Row row={figures.total} />
              </tr>
            </tfoot>
          )}
        </table>
      </section>
      {figures.byService.length > 0 && (
        <>
          <h2 id="services-heading">{label}各类服务预约</h2>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1). */}
          <section className="table-scroll" aria-labelledby="services-caption" tabIndex={0}>
            <table className="figures-table">
              <caption id="services-caption">
                {label}
                {scopeName}各类服务的预约
              </caption>
              <thead>
                <tr>
                  <th scope="col">服务</th>
                  <th scope="col">预约数</th>
                  <th scope="col">到场</th>
                  <th scope="col">爽约（爽约率）</th>
                  <th scope="col">现场加号</th>
                </tr>
              </thead>
              <tbody>
                {figures.byService.map((s) => (
                  <tr key={s.service}>
                    <th scope="row">{serviceNames[s.service] ?? s.service}</th>
                    <BookingCells b={s.figures} />
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
    </>
  );
}
