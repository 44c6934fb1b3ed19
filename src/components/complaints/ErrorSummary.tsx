import type { ReactNode } from "react";
import type { FieldErrors } from "../../lib/complaints/api-error";

interface Props {
  /** The sentence on top; without field errors, the whole message. */
  message?: string;
  errors?: FieldErrors;
  /** Field name → the id of its control, so each error links to its field. */
  targets?: Record<string, string>;
  /** An action that belongs to the message (重试). */
  children?: ReactNode;
}

/**
 * The error summary. The role="alert" region stays in the page while empty, so screen readers
 * announce what is put into it; the box itself takes focus (id "error-summary").
 */
export function ErrorSummary({ message, errors = {}, targets = {}, children }: Props) {
  const names = Object.keys(errors);
  return (
    <div role="alert">
      {(message || names.length > 0) && (
        <div className="error-summary" id="error-summary" tabIndex={-1}>
          <p>{message ?? "请修改以下内容后继续："}</p>
          {names.length > 0 && (
            <ul>
              {names.map((name) => {
                const id = targets[name];
                return (
                  <li key={name}>
                    {id ? (
                      <a
                        href={`#${id}`}
                        onClick={(e) => {
                          e.preventDefault();
                          document.getElementById(id)?.focus();
                        }}
                      >
                        {errors[name]}
                      </a>
                    ) : (
                      errors[name]
                    )}
                  </li>
                );
              })}
            </ul>
          )}
          {children}
        </div>
      )}
    </div>
  );
}
