import { COMMUNITIES } from "../../shared/geo";
import type { FieldA11y } from "./Field";
import { GroupedSelect, type SelectGroup } from "./GroupedSelect";

/** Every community, grouped by sub-district, in the order of the list in src/shared/geo.ts. */
const GROUPS: SelectGroup[] = [...new Set(COMMUNITIES.map((c) => c.subdistrict))].map((subdistrict) => ({
  label: subdistrict,
  options: COMMUNITIES.filter((c) => c.subdistrict === subdistrict),
}));

interface Props {
  a11y: FieldA11y;
  name?: string;
  value: string;
  /** "请选择社区" on the filing page, "全部社区" in a filter. */
  placeholder: string;
  onChange: (communityId: string) => void;
}

/** The communities grouped by sub-district: where a case is placed without GPS, and a list filter. */
export function CommunitySelect({ a11y, name, value, placeholder, onChange }: Props) {
  return (
    <GroupedSelect
      a11y={a11y}
      name={name}
      value={value}
      groups={GROUPS}
      placeholder={placeholder}
      onChange={onChange}
    />
  );
}
