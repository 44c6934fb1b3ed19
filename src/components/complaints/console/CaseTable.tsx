import { currentDeadline, notYetDispatched, VIEW_LABELS } from "../../../lib/complaints/console";
import { type CaseFilter, caseHref } from "../../../lib/complaints/console-api";
import type { CaseSummary } from "../../../shared/complaints/console-wire";
import type { CaseView } from "../../../shared/complaints/staff-schemas";
import { formatChinaMinute } from "../../../shared/time";
import { CaseTags } from "./CaseTags";
import { DeadlineClock } from "./DeadlineClock";
import { useNow } from "./useNow";

export const ORDER: Record<CaseView, string> = {
  inbox: "紧急案件在前，其余按收到时间从早到晚",
  queue: "按处置时限从近到远",
  overdue: "已超过时限、尚未结案的案件",
  all: "最新收到的在前",
};

export interface CasePageProps {
  /** The filter the page was found by: each case's link carries it, for the case page's way back. */
  filter: CaseFilter;
  cases: CaseSummary[];
  page: number;
  filtered: boolean;
}

/** "全部（已筛选）：第 1 页，本页 50 件；最新收到的在前". */
export function casesCaption({ filter, cases, page, filtered }: CasePageProps): string {
  return `${VIEW_LABELS[filter.view]}${filtered ? "（已筛选）" : ""}：第 ${page} 页，本页 ${cases.length} 件；${ORDER[filter.view]}`;
}

/** One page of cases: the case number links to its page; the deadline column counts live. */
export function CaseTable(props: CasePageProps) {
  const { filter, cases } = props;
  const now = useNow();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
    <section className="table-scroll" aria-labelledby="cases-caption" tabIndex={0}>
      <table className="cases">
        <caption id="cases-caption">{casesCaption(props)}</caption>
        <thead>
          <tr>
            <th scope="col">案件编号</th>
            <th scope="col">问题类别</th>
            <th scope="col">社区与地址</th>
            <th scope="col">状态</th>
            <th scope="col">处置单位</th>
            <th scope="col">收到时间</th>
            <th scope="col">时限</th>
            <th scope="col">支持</th>
          </tr>
        </thead>
        <tbody>
          {cases.map((c) => {
            const deadline = currentDeadline(c);
            return (
              <tr key={c.id} className={c.urgent ? "urgent-row" : undefined}>
                <th scope="row" className="nowrap">
                  <a href={caseHref(c.id, filter)} className="mono">
                    {c.caseNumber}
                  </a>
                  {c.urgent && (
                    <>
                      {" "}
                      <span className="tag urgent">紧急</span>
                    </>
                  )}
                </th>
                <td>{c.categoryName}</td>
                <td>
                  {c.communityName}
                  <br />
                  <span className="muted">{c.addressText}</span>
                </td>
                <td>
                  {c.stateLabel} <CaseTags c={c} urgent={false} />
                </td>
                <td>
                  {c.unitName ?? "—"}
                  {c.unitName && notYetDispatched(c.state) && <span className="muted">（预设）</span>}
                </td>
                <td className="nowrap">
                  <time dateTime={c.receivedAt}>{formatChinaMinute(c.receivedAt)}</time>
                </td>
                <td className="nowrap">
                  {deadline ? (
                    <>
                      <time dateTime={deadline.due}>{formatChinaMinute(deadline.due)}</time>
                      <br />
                      <DeadlineClock due={deadline.due} now={now} />
                    </>
                  ) : c.dueAt ? (
                    <time dateTime={c.dueAt}>{formatChinaMinute(c.dueAt)}</time>
                  ) : (
                    "—"
                  )}
                </td>
                <td>{c.supporters}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
