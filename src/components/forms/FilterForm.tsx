import type { ReactNode } from "react";
import type { FieldErrors } from "../../lib/kit/problem";
import { ErrorSummary, type FieldTargets } from "./ErrorSummary";

interface Props {
  /** The form's accessible name, when the page has more than one form. */
  label?: string;
  /** Field name → control id and label, in the order of the form. */
  targets: FieldTargets;
  message?: string;
  errors: FieldErrors;
  onSubmit: () => void;
  onClear: () => void;
  /** The fields, laid out in a grid. */
  children: ReactNode;
  /** A line under the buttons (how the dates are read). */
  note?: ReactNode;
}

/** A list's filters: the error summary, the fields, and 筛选 / 清除筛选. */
export function FilterForm({ label, targets, message, errors, onSubmit, onClear, children, note }: Props) {
  return (
    <>
      <ErrorSummary message={message} errors={errors} targets={targets} />
      <form
        className="card filters-form"
        noValidate
        aria-label={label}
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
      >
        <div className="filter-grid">{children}</div>
        <div className="actions">
          <button type="submit">筛选</button>
          <button type="button" className="secondary" onClick={onClear}>
            清除筛选
          </button>
        </div>
        {note}
      </form>
    </>
  );
}
