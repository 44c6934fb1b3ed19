import type { ChangeEvent } from "react";
import { ROLE_LABELS, ROLES } from "../../shared/staff/roles";
import type { FieldA11y } from "../forms/Field";

interface Props {
  a11y: FieldA11y;
  name: string;
  value: string;
  /** Offer an empty first choice ("请选择角色"): a new account has no role until one is picked. */
  placeholder?: boolean;
  onChange: (value: string) => void;
}

/** A select of every role, by its Chinese name. */
export function RoleSelect({ a11y, name, value, placeholder = false, onChange }: Props) {
  return (
    <select
      {...a11y}
      name={name}
      required
      value={value}
      onChange={(e: ChangeEvent<HTMLSelectElement>) => onChange(e.target.value)}
    >
      {placeholder && <option value="">请选择角色</option>}
      {ROLES.map((role) => (
        <option key={role} value={role}>
          {ROLE_LABELS[role]}
        </option>
      ))}
    </select>
  );
}
