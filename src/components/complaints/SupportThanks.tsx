import type { SupportResult } from "../../shared/complaints/wire";

/** After "这是同一个问题 → 到此为止": no new case, and where to follow the one supported. */
export function SupportThanks({ supported, onAnother }: { supported: SupportResult; onAnother: () => void }) {
  return (
    <section aria-labelledby="thanks-heading">
      <h2 id="thanks-heading" tabIndex={-1}>
        感谢您的反映
      </h2>
      <p>
        您支持了案件 {supported.caseNumber}（现有 {supported.supporters} 人支持），没有另外立案。这件投诉的进度可以在
        <a href="/complaints/">投诉公示</a>中查看。
      </p>
      <button type="button" className="secondary" onClick={onAnother}>
        反映另一个问题
      </button>
    </section>
  );
}
