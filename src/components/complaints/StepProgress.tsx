import { STEP_TITLES, STEPS } from "../../lib/complaints/draft";

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
            {STEP_TITLES[step]}
          </li>
        ))}
      </ol>
    </div>
  );
}
