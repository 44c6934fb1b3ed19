import { casePagePath } from "../../shared/complaints/case-page";
import type { SupportResult } from "../../shared/complaints/wire";

/** After "这是同一个问题 → 到此为止": no new case, and where to follow the one supported. */
export function SupportThanks({ supported, onAnother }: { supported: SupportResult; onAnother: () => void }) {
  return (
    <section aria-labelledby="thanks-heading">
      <h2 id="thanks-heading" tabIndex={-1}>
        感谢您的反映
      </h2>
      <p>
        您支持了案件 {supported.caseNumber}（现有 {supported.supporters} 人支持），没有另外立案。
        {supported.publicPage ? (
          <>
            这件投诉的照片、办理过程和答复在
            <a href={casePagePath(supported.caseNumber)}>案件 {supported.caseNumber} 的公示页</a>
            上，打开后可以点“关注这件投诉”，以后在同一浏览器里就能看到它有没有新进展。
          </>
        ) : (
          <>
            这件投诉还在等待立案，立案后公示页在 <span className="mono">{casePagePath(supported.caseNumber)}</span>
            ，可以先记下这个地址，立案后打开即可查看办理过程。
          </>
        )}
      </p>
      <button type="button" className="secondary" onClick={onAnother}>
        反映另一个问题
      </button>
    </section>
  );
}
