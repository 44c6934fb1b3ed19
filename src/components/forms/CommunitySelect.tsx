import { COMMUNITIES } from "../../shared/geo";
import { GroupedSelect, type GroupedSelectProps, type SelectGroup } from "./GroupedSelect";

/** Every community, grouped by sub-district, in the order of the list in src/shared/geo.ts. */
const GROUPS: SelectGroup[] = [...new Set(COMMUNITIES.map((c) => c.subdistrict))].map((subdistrict) => ({
  label: subdistrict,
  options: COMMUNITIES.filter((c) => c.subdistrict === subdistrict),
}));

/**
 * The communities grouped by sub-district: where a case is placed without GPS ("请选择社区"), and a
 * filter of the case list ("全部社区").
 */
export function CommunitySelect(props: Omit<GroupedSelectProps, "groups"> & { placeholder: string }) {
  return <GroupedSelect {...props} groups={GROUPS} />;
}
