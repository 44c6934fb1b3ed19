import { currentDeadline, notYetDispatched } from "../../../lib/complaints/console";
import { caseHref } from "../../../lib/complaints/console-api";
import type { CaseDetail } from "../../../shared/complaints/console-wire";
import { formatChinaMinute } from "../../../shared/time";
import { CaseOriginFacts } from "./CaseOrigin";
import { pendingText } from "./CaseTags";
import { DeadlineFact } from "./DeadlineFact";
import { ReporterContact } from "./ReporterContact";

interface Props {
  detail: CaseDetail;
  mayRevealContact: boolean;
  now: number;
}

function CaseLink({ c }: { c: { id: number; caseNumber: string } }) {
  return (
    <a href={caseHref(c.id)} className="mono">
      {c.caseNumber}
    </a>
  );
}

/** The facts of a case as a list of terms: where it came from, place, unit, deadlines, requests, reporter. */
export function CaseFacts({ detail: d, mayRevealContact, now }: Props) {
  const running = currentDeadline(d);
  return (
    <section aria-labelledby="facts-heading" className="case-facts">
      <h3 id="facts-heading">案件信息</h3>
      <dl className="facts">
        <CaseOriginFacts origin={d.origin} />
        <dt>问题类别</dt>
        <dd>{d.categoryName}</dd>
        <dt>所在社区</dt>
        <dd>{d.communityName}</dd>
        <dt>地址或地标（不公开）</dt>
        <dd>{d.addressText}</dd>
        <dt>公开地点</dt>
        <dd>{d.placeName ?? "未填写（立案时请选择）"}</dd>
        <dt>处置单位</dt>
        <dd>{!d.unitName ? "尚未派遣" : notYetDispatched(d.state) ? `${d.unitName}（预设，尚未派遣）` : d.unitName}</dd>
        <dt>紧急程度</dt>
        <dd>{d.urgent ? <strong className="late">紧急</strong> : "一般"}</dd>
        <dt>收到时间</dt>
        <dd>
          <time dateTime={d.receivedAt}>{formatChinaMinute(d.receivedAt)}</time>
        </dd>
        <dt>立案时限</dt>
        <dd>
          <DeadlineFact due={d.acceptDueAt} doneAt={d.respondedAt} running={running?.kind === "accept"} now={now} />
        </dd>
        <dt>处置时限</dt>
        <dd>
          {d.dueAt ? (
            <DeadlineFact due={d.dueAt} doneAt={d.handledAt} running={running?.kind === "handle"} now={now} />
          ) : (
            "派遣后开始计算"
          )}
        </dd>
        {d.overdueAt && (
          <>
            <dt>超期</dt>
            <dd>已于 {formatChinaMinute(d.overdueAt)} 标记为超期</dd>
          </>
        )}
        <dt>待批准的申请</dt>
        <dd>{pendingText(d) ?? "无"}</dd>
        <dt>支持人数</dt>
        <dd>{d.supporters} 人</dd>
        <dt>返工与复核</dt>
        <dd>
          核查不通过返工 {d.reworkCount} 次，市民申请复核 {d.reopenCount} 次
        </dd>
        {d.mergedInto && (
          <>
            <dt>已合并到</dt>
            <dd>
              <CaseLink c={d.mergedInto} />
            </dd>
          </>
        )}
        {d.mergedFrom.length > 0 && (
          <>
            <dt>合并进来的案件</dt>
            <dd>
              <ul className="inline-list">
                {d.mergedFrom.map((c) => (
                  <li key={c.id}>
                    <CaseLink c={c} />
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {d.closedAt && (
          <>
            <dt>结案时间</dt>
            <dd>
              <time dateTime={d.closedAt}>{formatChinaMinute(d.closedAt)}</time>
            </dd>
          </>
        )}
        {d.rating && (
          <>
            <dt>市民评价</dt>
            <dd>
              {d.rating.label}
              {d.rating.comment && `：${d.rating.comment}`}
            </dd>
          </>
        )}
        <dt>报告人</dt>
        <dd>
          <ReporterContact detail={d} mayReveal={mayRevealContact} />
        </dd>
      </dl>
    </section>
  );
}
