import { CATEGORIES, CATEGORY_GROUPS, CATEGORY_TYPE_LABELS } from "../../../shared/complaints/categories";
import type { FieldA11y } from "../../forms/Field";
import { GroupedSelect } from "../../forms/GroupedSelect";

interface Props {
  a11y: FieldA11y;
  name: string;
  value: string;
  /** The empty choice ("全部类别" in a filter); none when a category must be chosen. */
  placeholder?: string;
  onChange: (categoryId: string) => void;
}

const GROUPS = CATEGORY_GROUPS.map((group) => ({
  label: `${CATEGORY_TYPE_LABELS[group.type]} · ${group.name}`,
  options: group.categories,
}));
const OTHER = CATEGORIES.filter((c) => c.type === "other");

/** The complaint categories grouped by class (事件 · 市容环境 …), as the filing page offers them. */
export function CategorySelect({ a11y, name, value, placeholder, onChange }: Props) {
  return (
    <GroupedSelect
      a11y={a11y}
      name={name}
      value={value}
      groups={GROUPS}
      ungrouped={OTHER}
      placeholder={placeholder}
      onChange={onChange}
    />
  );
}
