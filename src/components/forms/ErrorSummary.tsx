import type { ReactNode } from "react";
import type { FieldErrors } from "../../lib/kit/problem";

/** Field name → the id of its control, or its id and a label to name it by, in the order of the form. */
export type FieldTargets = Record<string, string | { id: string; label: string }>;

interface Props {
  /** The sentence on top; without field errors, the whole message. */
  message?: string;
  /** The sentence on top of field errors when there is no message ("请修改以下内容后继续：" in a wizard). */
  lead?: string;
  errors?: FieldErrors;
  /** Each error links to its field's control; errors of fields not listed here are shown without a link. */
  targets?: FieldTargets;
  /** The box's id, for a form that moves focus to the box itself rather than to the first wrong field. */
  id?: string;
  /** An action that belongs to the message (重试). */
  children?: ReactNode;
}

/**
 * The one error summary of every form (part of the browser kit: src/components/forms/). The
 * role="alert" region stays in the page while empty, so screen readers announce what is put into
 * it; each field error links to its field, in the order of the form.
 */
export function ErrorSummary({ message, lead = "请修改以下内容：", errors = {}, targets = {}, id, children }: Props) {
  const linked = Object.keys(targets).filter((name) => errors[name]);
  const names = [...linked, ...Object.keys(errors).filter((name) => !(name in targets) && errors[name])];
  return (
    <div role="alert" className="alert-region">
      {(message || names.length > 0) && (
        <div className="error-summary" id={id} tabIndex={id ? -1 : undefined}>
          <p>{message ?? lead}</p>
          {names.length > 0 && (
            <ul>
              {names.map((name) => (
                <li key={name}>
                  <ErrorLink target={targets[name]} error={errors[name] ?? ""} />
                </li>
              ))}
            </ul>
          )}
          {children}
        </div>
      )}
    </div>
  );
}

function ErrorLink({ target, error }: { target: FieldTargets[string] | undefined; error: string }) {
  if (!target) return error;
  const { id, label } = typeof target === "string" ? { id: target, label: undefined } : target;
  return (
    <a
      href={`#${id}`}
      onClick={(event) => {
        event.preventDefault();
        document.getElementById(id)?.focus();
      }}
    >
      {label ? `${label}：${error}` : error}
    </a>
  );
}
