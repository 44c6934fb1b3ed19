import { casePagePath } from "../../shared/complaints/case-page";
import type { PublicCase } from "../../shared/complaints/wire";
import { formatDateTimeZh } from "../../shared/time";

/** One case as the public sees it: no name, no phone, the place a road or place of the gazetteer. */
export function PublicCaseCard({ c }: { c: PublicCase }) {
  return (
    <li className="card public-case">
      <h3 id={`case-${c.caseNumber}`} tabIndex={-1}>
        {c.categoryName}
      </h3>
      <p>
        <span className={c.open ? "tag" : "tag closed"}>{c.stateLabel}</span>{" "}
        <a href={casePagePath(c.caseNumber)}>
          案件编号 {c.caseNumber}
          <span className="visually-hidden">：查看办理过程</span>
        </a>
      </p>
      <dl className="facts">
        <div>
          <dt>社区</dt>
          <dd>{c.communityName}</dd>
        </div>
        <div>
          <dt>地点</dt>
          <dd>{c.place}</dd>
        </div>
        <div>
          <dt>提交</dt>
          <dd>
            <time dateTime={c.receivedAt}>{formatDateTimeZh(c.receivedAt)}</time>
          </dd>
        </div>
        {c.closedAt && (
          <div>
            <dt>结案</dt>
            <dd>
              <time dateTime={c.closedAt}>{formatDateTimeZh(c.closedAt)}</time>
            </dd>
          </div>
        )}
        <div>
          <dt>支持</dt>
          <dd>{c.supporters} 人</dd>
        </div>
      </dl>
      {c.photos.length > 0 && (
        <ul className="photo-list small">
          {c.photos.map((src, i) => (
            <li key={src}>
              <img src={src} alt={`${c.categoryName}（${c.place}）现场照片 ${i + 1}`} loading="lazy" />
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
