import type { FieldA11y } from "./Field";

export interface SelectGroup {
  label: string;
  options: { id: string; name: string }[];
}

export interface GroupedSelectProps {
  a11y: FieldA11y;
  name?: string;
  value: string;
  groups: SelectGroup[];
  /** Options after the groups, in no group ("其他"). */
  ungrouped?: { id: string; name: string }[];
  /** The empty choice ("请选择社区", "全部社区"); none when a value must be chosen. */
  placeholder?: string;
  required?: boolean;
  onChange: (value: string) => void;
}

/** A native select with its options in labelled groups: the communities, units and categories. Empty groups are left out. */
export function GroupedSelect({
  a11y,
  name,
  value,
  groups,
  ungrouped = [],
  placeholder,
  required,
  onChange,
}: GroupedSelectProps) {
  return (
    <select {...a11y} name={name} required={required} value={value} onChange={(e) => onChange(e.target.value)}>
      {placeholder !== undefined && <option value="">{placeholder}</option>}
      {groups
        .filter((group) => group.options.length > 0)
        .map((group) => (
          <optgroup key={group.label} label={group.label}>
            {group.options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </optgroup>
        ))}
      {ungrouped.map((o) => (
        <option key={o.id} value={o.id}>
          {o.name}
        </option>
      ))}
    </select>
  );
}
