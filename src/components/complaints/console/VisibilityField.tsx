import { FieldError } from "../../forms/Field";

interface Props {
  id: string;
  label: string;
  error?: string;
  value: boolean | undefined;
  onChange: (isPublic: boolean) => void;
}

const CHOICES = [
  { value: true, suffix: "true", label: "公开：市民在查询页面能看到" },
  { value: false, suffix: "false", label: "仅内部：只有工作人员能看到" },
] as const;

/** Whether a reply is shown to the reporter: asked every time, never assumed. */
export function VisibilityField({ id, label, error, value, onChange }: Props) {
  return (
    <fieldset className={error ? "choices has-error" : "choices"} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{label}</legend>
      <FieldError id={id} error={error} />
      {CHOICES.map((c) => (
        <div className="check" key={c.suffix}>
          <input
            type="radio"
            id={`${id}-${c.suffix}`}
            name={id}
            checked={value === c.value}
            aria-invalid={error ? true : undefined}
            onChange={() => onChange(c.value)}
          />
          <label htmlFor={`${id}-${c.suffix}`}>{c.label}</label>
        </div>
      ))}
    </fieldset>
  );
}
