import type { ReactNode } from "react";
import { FieldError } from "./Field";

interface Props {
  id: string;
  checked: boolean;
  error?: string;
  onChange: (checked: boolean) => void;
  /** What is agreed to, read as the checkbox's label. */
  children: ReactNode;
}

/** A checkbox that agrees to something, with its own error line the box points at when unticked. */
export function ConsentCheck({ id, checked, error, onChange, children }: Props) {
  return (
    <div className={error ? "field has-error" : "field"}>
      <FieldError id={id} error={error} />
      <div className="check">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => onChange(e.target.checked)}
        />
        <label htmlFor={id}>{children}</label>
      </div>
    </div>
  );
}
