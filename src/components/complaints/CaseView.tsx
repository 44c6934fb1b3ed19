import type { TrackingView } from "../../shared/complaints/wire";
import { formatDateTimeZh } from "../../shared/time";
import { CaseNumber } from "./CaseNumber";
import { CasePhotos } from "./CasePhotos";
import { Deadlines } from "./Deadlines";
import { RatingForm } from "./RatingForm";
import { ReopenForm } from "./ReopenForm";
import { Timeline } from "./Timeline";

interface Props {
  view: TrackingView;
  /** The tracking secret; null when the case was found by case number and phone. */
  token: string | null;
  onChange: (view: TrackingView, message: string) => void;
}

/** What the reporter sees of a case: state, unit, deadlines, timeline, photos, rating and reopening. */
export function CaseView({ view, token, onChange }: Props) {
  const facts: [string, string][] = [
    ["问题类别", view.categoryName],
    ["所在社区", view.communityName],
    ["地址或地标", view.addressText],
    ["处置单位", view.unitName ?? "尚未派遣"],
    ["提交时间", formatDateTimeZh(view.receivedAt)],
    ...(view.closedAt ? [["结案时间", formatDateTimeZh(view.closedAt)] as [string, string]] : []),
    ["支持人数", `${view.supporters} 人`],
  ];
  return (
    <article className="case" aria-labelledby="case-heading">
      <h2 id="case-heading" tabIndex={-1}>
        案件 <CaseNumber value={view.caseNumber} />
      </h2>
      <p className="state">
        当前状态：<strong className={view.open ? "" : "closed"}>{view.stateLabel}</strong>
      </p>
      <dl className="facts">
        {facts.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <h3>问题描述</h3>
      <p className="description">{view.description}</p>
      <Deadlines deadlines={view.deadlines} />
      <Timeline entries={view.timeline} />
      <CasePhotos reporterPhotos={view.reporterPhotos} publicPhotos={view.photos} token={token} />
      {view.rating && (
        <section aria-labelledby="rated-heading">
          <h3 id="rated-heading">您的评价</h3>
          <p>
            {view.rating.label}
            {view.rating.at && `（${formatDateTimeZh(view.rating.at)}）`}
            {view.rating.comment && `：${view.rating.comment}`}
          </p>
        </section>
      )}
      {token && view.canRate && <RatingForm token={token} onDone={onChange} />}
      {token && view.canReopen && view.reopenUntil && (
        <ReopenForm token={token} reopenUntil={view.reopenUntil} onDone={onChange} />
      )}
      {!token && (view.canRate || view.canReopen) && (
        <p className="callout">评价和申请复核，请使用提交投诉时得到的查询链接打开本页。</p>
      )}
    </article>
  );
}
