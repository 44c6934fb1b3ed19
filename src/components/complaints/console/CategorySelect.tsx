import { CATEGORIES, CATEGORY_GROUPS, CATEGORY_TYPE_LABELS } from "../../../shared/complaints/categories";
import { GroupedSelect, type GroupedSelectProps } from "../../forms/GroupedSelect";

const GROUPS = CATEGORY_GROUPS.map((group) => ({
  label: `${CATEGORY_TYPE_LABELS[group.type]} · ${group.name}`,
  options: group.categories,
}));
const OTHER = CATEGORIES.filter((c) => c.type === "other");

/** The complaint categories grouped by class (事件 · 市容环境 …), as the filing page offers them. */
export function CategorySelect(props: Omit<GroupedSelectProps, "groups" | "ungrouped">) {
  return <GroupedSelect {...props} groups={GROUPS} ungrouped={OTHER} />;
}
