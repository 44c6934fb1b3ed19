import type { ReactNode } from "react";
import { chinaDay } from "../../shared/time";
import { Field } from "../forms/Field";
import { PhoneInput } from "../forms/inputs";

// The fields that describe a person signing up (the sign-up form, a group's contact and member,
// the consenting guardian): each form keeps its own ids, labels, hints and order; the inputs'
// limits are the API's.

/** A field's id and label, as the form's error summary also names it. */
interface Target {
  id: string;
  label: string;
}

interface Props {
  field: Target;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: ReactNode;
  autoComplete?: string;
}

function TextField({ field, value, onChange, error, hint, autoComplete, maxLength }: Props & { maxLength: number }) {
  return (
    <Field id={field.id} label={field.label} hint={hint} error={error}>
      {(a11y) => (
        <input
          {...a11y}
          type="text"
          autoComplete={autoComplete}
          maxLength={maxLength}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

export function NameField(props: Props) {
  return <TextField autoComplete="name" {...props} maxLength={40} />;
}

export function OrganisationField(props: Props) {
  return <TextField autoComplete="organization" {...props} maxLength={60} />;
}

/** Optional: only people registered in the national volunteer system have one. */
export function VolunteerNumberField({ field, ...props }: Omit<Props, "autoComplete">) {
  return (
    <TextField {...props} field={{ id: field.id, label: `${field.label}（选填）` }} autoComplete="off" maxLength={30} />
  );
}

/** A mainland mobile number; the phone's own autocomplete unless the number is someone else's. */
export function PhoneField({ field, value, onChange, error, hint, autoComplete }: Props) {
  return (
    <Field id={field.id} label={field.label} hint={hint} error={error}>
      {(a11y) => <PhoneInput {...a11y} {...(autoComplete ? { autoComplete } : {})} value={value} onChange={onChange} />}
    </Field>
  );
}

/** The birth month, from which the sweep's day tells whether the person is a minor. */
export function BirthMonthField({
  field,
  value,
  onChange,
  error,
  hint,
  autoComplete,
  describedBy,
}: Props & { describedBy?: string }) {
  return (
    <Field id={field.id} label={field.label} hint={hint} error={error} describedBy={describedBy}>
      {(a11y) => (
        <input
          {...a11y}
          type="month"
          min="1930-01"
          max={chinaDay().slice(0, 7)}
          autoComplete={autoComplete}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

interface GuardianProps {
  fields: { guardianName: Target; guardianPhone: Target };
  values: { guardianName: string; guardianPhone: string };
  set: (key: "guardianName" | "guardianPhone") => (value: string) => void;
  errors: { guardianName?: string; guardianPhone?: string };
  legend: ReactNode;
  /** What happens next for a minor, said above the guardian's fields. */
  note: ReactNode;
  phoneHint?: ReactNode;
  className?: string;
}

/** A minor's guardian: their name and their own phone (never the person's), asked as one group. */
export function GuardianFields({ fields, values, set, errors, legend, note, phoneHint, className }: GuardianProps) {
  return (
    <fieldset className={className}>
      <legend>{legend}</legend>
      {note}
      <NameField
        field={fields.guardianName}
        autoComplete="off"
        value={values.guardianName}
        onChange={set("guardianName")}
        error={errors.guardianName}
      />
      <PhoneField
        field={fields.guardianPhone}
        hint={phoneHint}
        autoComplete="off"
        value={values.guardianPhone}
        onChange={set("guardianPhone")}
        error={errors.guardianPhone}
      />
    </fieldset>
  );
}
