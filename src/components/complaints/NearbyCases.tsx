import { useState } from "react";
import { supportCase } from "../../lib/complaints/api";
import { supporterId } from "../../lib/complaints/supporter-id";
import { errorMessage } from "../../lib/kit/problem";
import { casePagePath } from "../../shared/complaints/case-page";
import { NEARBY_DAYS, NEARBY_METRES } from "../../shared/complaints/filing-schema";
import { nearbyBandLabel } from "../../shared/complaints/nearby";
import { hasPublicPage } from "../../shared/complaints/states";
import type { NearbyCase, SupportResult } from "../../shared/complaints/wire";
import { formatDateTimeZh } from "../../shared/time";

interface Props {
  cases: NearbyCase[];
  supported: SupportResult | null;
  onSupported: (s: SupportResult) => void;
  /** "到此为止": the resident's support is enough, no new case. */
  onStop: () => void;
}

/** Open cases of the same kind nearby: support one of them instead of filing the same problem again. */
export function NearbyCases({ cases, supported, onSupported, onStop }: Props) {
  const [error, setError] = useState("");
  const support = async (caseNumber: string) => {
    setError("");
    try {
      onSupported(await supportCase(caseNumber, supporterId()));
    } catch (err) {
      setError(errorMessage(err, "操作没有成功，请稍后再试。"));
    }
  };
  return (
    <>
      <p>
        问题地点 {NEARBY_METRES} 米内，近 {NEARBY_DAYS}{" "}
        天已有下面的同类问题正在办理。如果是同一个问题，点“这是同一个问题”表示支持即可，不必再投诉一次。
      </p>
      <ul className="cards">
        {cases.map((c) => (
          <li className="card" key={c.caseNumber}>
            <h3>
              {c.categoryName} · {c.place}
            </h3>
            <p className="muted">
              案件编号 {c.caseNumber}，{nearbyBandLabel(c.withinMetres)}，{c.stateLabel}，受理于{" "}
              {formatDateTimeZh(c.receivedAt)}，{c.supporters} 人支持
            </p>
            <button type="button" className="secondary" onClick={() => support(c.caseNumber)}>
              这是同一个问题<span className="visually-hidden">（案件 {c.caseNumber}）</span>
            </button>
            <p>
              {hasPublicPage(c.state) ? (
                <a href={casePagePath(c.caseNumber)}>
                  看看这件案件的照片和办理过程<span className="visually-hidden">（案件 {c.caseNumber}）</span>
                </a>
              ) : (
                <span className="muted">刚收到，立案后才有公示页。</span>
              )}
            </p>
          </li>
        ))}
      </ul>
      <div role="alert">{error && <p className="field-error">{error}</p>}</div>
      {supported && (
        <div className="supported" id="supported" tabIndex={-1}>
          <p>
            <strong>
              {supported.counted ? "已记下您的支持" : "您之前已经支持过这件投诉"}：案件 {supported.caseNumber} 现在共有{" "}
              {supported.supporters} 人支持。
            </strong>
          </p>
          <p>您可以到此为止，也可以仍然提交一件新的投诉（点下方“仍要提交新投诉”）。</p>
          <button type="button" onClick={onStop}>
            到此为止
          </button>
        </div>
      )}
    </>
  );
}
