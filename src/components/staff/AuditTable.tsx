import { formatAuditDetail } from "../../lib/staff/display";
import { auditActionLabel } from "../../shared/staff/audit-actions";
import type { AuditEntry } from "../../shared/staff/wire";
import { formatChinaTime } from "../../shared/time";

/** The audit entries, newest first. */
export function AuditTable({ entries, filtered }: { entries: AuditEntry[]; filtered: boolean }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
    <section className="table-scroll" aria-labelledby="audit-caption" tabIndex={0}>
      <table className="audit">
        <caption id="audit-caption">
          {filtered ? "符合筛选条件的操作记录" : "全部操作记录"}（已显示 {entries.length} 条，最新的在前）
        </caption>
        <thead>
          <tr>
            <th scope="col">时间（北京时间）</th>
            <th scope="col">操作人</th>
            <th scope="col">操作</th>
            <th scope="col">对象</th>
            <th scope="col">详情</th>
            <th scope="col">来源地址</th>
            <th scope="col">请求编号</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <th scope="row" className="nowrap">
                <time dateTime={e.at}>{formatChinaTime(e.at)}</time>
              </th>
              <td className="mono">{e.actorEmail ?? "—"}</td>
              <td className="nowrap">{auditActionLabel(e.action)}</td>
              <td className="mono">{e.target ?? "—"}</td>
              <td className="mono detail">{formatAuditDetail(e.detail) || "—"}</td>
              <td className="mono nowrap">{e.clientIp ?? "—"}</td>
              <td className="mono small-text">{e.requestId ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
