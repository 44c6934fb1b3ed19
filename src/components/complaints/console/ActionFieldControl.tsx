import { type ActionField, actionFieldId } from "../../../lib/complaints/console-actions";
import { placesOf } from "../../../shared/complaints/places";
import { MAX_EXTENSION_DAYS } from "../../../shared/complaints/staff-schemas";
import type { Unit } from "../../../shared/staff/wire";
import { Field, FieldError } from "../../forms/Field";
import { UnitSelect } from "../../staff/UnitSelect";
import { PlaceSelect } from "../PlaceSelect";
import { CategorySelect } from "./CategorySelect";
import { PhotoField } from "./PhotoField";
import { VisibilityField } from "./VisibilityField";

interface Props {
  field: ActionField;
  value: string | boolean | undefined;
  error?: string;
  /** Dispatch targets, for the unit field. */
  units: Unit[];
  /** A hint the case adds to the field's own (the suggested unit). */
  extraHint?: string;
  /** The case's community, for the place field. */
  communityId?: string;
  onChange: (value: string | boolean) => void;
}

/** The id focus goes to for a field: its control, or the first choice of a group. */
export function focusIdOf(field: ActionField): string {
  return field.kind === "visibility" ? `${actionFieldId(field.name)}-true` : actionFieldId(field.name);
}

/** One field of an action form, drawn by its kind. */
export function ActionFieldControl({ field, value, error, units, extraHint, communityId = "", onChange }: Props) {
  const id = actionFieldId(field.name);
  const text = typeof value === "string" ? value : "";
  const hint = [field.hint, extraHint].filter(Boolean).join(" ") || undefined;
  switch (field.kind) {
    case "urgent":
      return (
        <div className="field">
          <FieldError id={id} error={error} />
          <div className="check">
            <input
              id={id}
              type="checkbox"
              checked={value === true}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              onChange={(e) => onChange(e.target.checked)}
            />
            <label htmlFor={id}>{field.label}（受理和派遣时限更短，列表中排在前面）</label>
          </div>
        </div>
      );
    case "photo":
      return <PhotoField id={id} label={field.label} error={error} value={text} onChange={onChange} />;
    case "visibility":
      return (
        <VisibilityField
          id={id}
          label={field.label}
          error={error}
          value={typeof value === "boolean" ? value : undefined}
          onChange={onChange}
        />
      );
    default:
      return (
        <Field id={id} label={field.label} hint={hint} error={error}>
          {(a11y) => {
            if (field.kind === "unit")
              return (
                <UnitSelect
                  a11y={a11y}
                  name={field.name}
                  value={text}
                  units={units}
                  required
                  placeholder="请选择处置单位"
                  onChange={onChange}
                />
              );
            if (field.kind === "place")
              return (
                <PlaceSelect
                  a11y={a11y}
                  name={field.name}
                  places={placesOf(communityId)}
                  value={text}
                  onChange={onChange}
                />
              );
            if (field.kind === "category")
              return <CategorySelect a11y={a11y} name={field.name} value={text} onChange={onChange} />;
            if (field.kind === "number")
              return (
                <input
                  {...a11y}
                  name={field.name}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={MAX_EXTENSION_DAYS}
                  step={1}
                  value={text}
                  onChange={(e) => onChange(e.target.value)}
                />
              );
            if (field.kind === "text")
              return (
                <input
                  {...a11y}
                  name={field.name}
                  type="text"
                  autoComplete="off"
                  spellCheck={false}
                  maxLength={field.max}
                  value={text}
                  onChange={(e) => onChange(e.target.value)}
                />
              );
            return (
              <textarea
                {...a11y}
                name={field.name}
                rows={3}
                maxLength={field.max}
                value={text}
                onChange={(e) => onChange(e.target.value)}
              />
            );
          }}
        </Field>
      );
  }
}
