import { CATEGORIES, CATEGORY_GROUPS, CATEGORY_TYPE_LABELS } from "../../../shared/complaints/categories";
import type { FieldA11y } from "../../forms/Field";

interface Props {
  a11y: FieldA11y;
  name: string;
  value: string;
  /** The empty choice ("全部类别" in a filter); none when a category must be chosen. */
  placeholder?: string;
  onChange: (categoryId: string) => void;
}

const OTHER = CATEGORIES.filter((c) => c.type === "other");

/** The complaint categories grouped by class (事件 · 市容环境 …), as the filing page offers them. */
export function CategorySelect({ a11y, name, value, placeholder, onChange }: Props) {
  return (
    <select {...a11y} name={name} value={value} onChange={(e) => onChange(e.target.value)}>
      {placeholder !== undefined && <option value="">{placeholder}</option>}
      {CATEGORY_GROUPS.map((group) => (
        <optgroup key={`${group.type}-${group.code}`} label={`${CATEGORY_TYPE_LABELS[group.type]} · ${group.name}`}>
          {group.categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </optgroup>
      ))}
      {OTHER.map((c) => (
        <option key={c.id} value={c.id}>
          {c.name}
        </option>
      ))}
    </select>
  );
}
