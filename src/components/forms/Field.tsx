import type { ReactElement, ReactNode } from "react";

/** What the control inside a Field spreads onto itself. */
export interface FieldA11y {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
}

interface Props {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** More ids to describe the control by (a live character count). */
  describedBy?: string;
  children: (a11y: FieldA11y) => ReactElement;
}

/**
 * A label, an optional hint and the field's own error, tied to the control: a screen reader reads
 * the error with the field (aria-describedby) and knows it is wrong (aria-invalid).
 */
export function Field({ id, label, hint, error, describedBy, children }: Props) {
  const ids = [error && `${id}-error`, hint && `${id}-hint`, describedBy].filter(Boolean).join(" ");
  return (
    <div className={error ? "field has-error" : "field"}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="hint muted">
          {hint}
        </p>
      )}
      <FieldError id={id} error={error} />
      {children({ id, "aria-describedby": ids || undefined, "aria-invalid": error ? true : undefined })}
    </div>
  );
}

/** The error line of a control or group, with the id `${id}-error` the control points at. */
export function FieldError({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <p id={`${id}-error`} className="field-error">
      <span className="visually-hidden">错误：</span>
      {error}
    </p>
  );
}
