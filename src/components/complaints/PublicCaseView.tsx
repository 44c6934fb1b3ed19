import { casePagePath } from "../../shared/complaints/case-page";
import type { PublicCaseDetail } from "../../shared/complaints/wire";
import { formatDateTimeZh } from "../../shared/time";
import { CopyButton } from "../forms/CopyButton";
import { CaseNumber } from "./CaseNumber";
import { Deadlines } from "./Deadlines";
import { PublicCaseFollow } from "./PublicCaseFollow";
import { PublicCaseSupport } from "./PublicCaseSupport";
import { Timeline } from "./Timeline";

interface Props {
  view: PublicCaseDetail;
  onChange: (view: PublicCaseDetail) => void;
}

/** A case as anyone sees it: what, where (to the street), its state, deadlines, timeline and photos. */
export function PublicCaseView({ view, onChange }: Props) {
  const facts: [string, string][] = [
    ["所在社区", view.communityName],
    ["地点", view.place],
    ["提交时间", formatDateTimeZh(view.receivedAt)],
    ...(view.acceptedAt ? [["立案时间", formatDateTimeZh(view.acceptedAt)] as [string, string]] : []),
    ["处置单位", view.unitName ?? "尚未派遣"],
    ...(view.closedAt ? [["结案时间", formatDateTimeZh(view.closedAt)] as [string, string]] : []),
    ["支持人数", `${view.supporters} 人`],
  ];
  const link = location.origin + casePagePath(view.caseNumber);
  return (
    <article className="case public-case-detail" aria-labelledby="public-case-heading">
      <h2 id="public-case-heading" tabIndex={-1}>
        {view.categoryName}
      </h2>
      <p>
        案件编号 <CaseNumber value={view.caseNumber} />
      </p>
      <p className="state">
        当前状态：<strong className={view.open ? "" : "closed"}>{view.stateLabel}</strong>
      </p>
      {view.mergedInto && (
        <p className="callout">
          这件投诉与另一件反映的是同一个问题，已合并办理，请关注
          <a href={casePagePath(view.mergedInto.caseNumber)}>案件 {view.mergedInto.caseNumber}</a>（
          {view.mergedInto.stateLabel}）。
        </p>
      )}
      <dl className="facts">
        {facts.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {view.open && <PublicCaseSupport view={view} onChange={onChange} />}
      <PublicCaseFollow view={view} />
      <Deadlines deadlines={view.deadlines} />
      <Timeline entries={view.timeline} />
      {(view.photos.length > 0 || view.resultPhotos.length > 0) && (
        <section aria-labelledby="public-photos-heading">
          <h3 id="public-photos-heading">照片</h3>
          <ul className="photo-list">
            {view.photos.map((src, i) => (
              <li key={src}>
                <img src={src} alt={`市民提交的现场照片 ${i + 1}（${view.place}）`} loading="lazy" />
              </li>
            ))}
            {view.resultPhotos.map((src, i) => (
              <li key={src}>
                <img src={src} alt={`处置单位处理后的照片 ${i + 1}`} loading="lazy" />
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="share-heading">
        <h3 id="share-heading">本页链接</h3>
        <p className="public-link" style={{ fontSize: "0.9rem", wordBreak: "break-all" }}>
          <a href={link}>{link}</a>
        </p>
        <CopyButton text={link} label="复制本页链接" />
        <p className="muted">本页只公开类别、街道、状态、时限和答复，不含反映人的姓名、电话、门牌号和问题描述。</p>
      </section>
    </article>
  );
}
