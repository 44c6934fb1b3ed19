import { STEPS, type Step } from "../../lib/complaints/draft";

/**
 * One word per step, taken from its title (STEP_TITLES, which each step's heading shows in full), so
 * five fit across a 360 px phone in senior mode without a word broken over two lines.
 */
const STEP_LABELS: Record<Step, string> = {
  category: "类别",
  place: "位置",
  details: "描述",
  contact: "联系",
  review: "确认",
};

/** Where the resident is in the five steps; the step's heading repeats the count for screen readers. */
export function StepProgress({ current }: { current: number }) {
  return (
    <div className="step-progress">
      <p aria-hidden="true" className="step-count">
        第 {current + 1} 步，共 {STEPS.length} 步
      </p>
      <ol aria-label="填写步骤">
        {STEPS.map((step, i) => (
          <li key={step} aria-current={i === current ? "step" : undefined} className={i < current ? "done" : undefined}>
            {i < current && <span className="visually-hidden">已完成：</span>}
            {STEP_LABELS[step]}
          </li>
        ))}
      </ol>
    </div>
  );
}
