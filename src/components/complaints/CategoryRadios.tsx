import type { ReactNode } from "react";

interface Option {
  value: string;
  label: ReactNode;
}

interface Props {
  name: string;
  legend: string;
  options: Option[];
  value: string;
  onChange: (value: string) => void;
  /** The id of the step's error line, when there is one. */
  errorId?: string;
}

/** One radio group in a fieldset: arrow keys move between its options, as in any native group. */
export function CategoryRadios({ name, legend, options, value, onChange, errorId }: Props) {
  return (
    <fieldset className="choices" aria-describedby={errorId}>
      <legend>{legend}</legend>
      {options.map((o) => (
        <div className="choice" key={o.value}>
          <input
            type="radio"
            id={`${name}-${o.value}`}
            name={name}
            value={o.value}
            checked={value === o.value}
            aria-invalid={errorId ? true : undefined}
            onChange={() => onChange(o.value)}
          />
          <label htmlFor={`${name}-${o.value}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  );
}
