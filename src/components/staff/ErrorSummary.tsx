import type { FieldErrors } from "../../lib/staff/api";

interface Props {
  /** The sentence on top; for a refusal without field errors, the whole message. */
  message?: string;
  fields?: FieldErrors;
  /** Field name → the control's id and label, in the order of the form. */
  fieldInfo?: Record<string, { id: string; label: string }>;
}

/**
 * The form's error summary. The role="alert" region stays in the page while empty, so screen
 * readers announce what is put into it; each field error links to its field.
 */
export function ErrorSummary({ message, fields = {}, fieldInfo = {} }: Props) {
  const items = Object.entries(fieldInfo).filter(([name]) => fields[name]);
  const unknown = Object.keys(fields).filter((name) => !fieldInfo[name]);
  const show = Boolean(message) || items.length > 0 || unknown.length > 0;
  return (
    <div role="alert" className="alert-region">
      {show && (
        <div className="error-summary">
          <p>{message ?? "请修改以下内容："}</p>
          {(items.length > 0 || unknown.length > 0) && (
            <ul>
              {items.map(([name, { id, label }]) => (
                <li key={name}>
                  <a
                    href={`#${id}`}
                    onClick={(event) => {
                      event.preventDefault();
                      document.getElementById(id)?.focus();
                    }}
                  >
                    {label}：{fields[name]}
                  </a>
                </li>
              ))}
              {unknown.map((name) => (
                <li key={name}>{fields[name]}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
