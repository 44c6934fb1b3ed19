import { GroupedSelect, type GroupedSelectProps, type SelectGroup } from "./GroupedSelect";

interface Community {
  id: string;
  name: string;
  subdistrict: string;
}

/** Every community, grouped by sub-district, in the order of the list given. */
const groupsOf = (communities: Community[]): SelectGroup[] =>
  [...new Set(communities.map((c) => c.subdistrict))].map((subdistrict) => ({
    label: subdistrict,
    options: communities.filter((c) => c.subdistrict === subdistrict),
  }));

/**
 * The communities grouped by sub-district: where a case is placed without GPS ("请选择社区"), and a
 * filter of the case list ("全部社区").
 */
export function CommunitySelect({
  communities,
  ...props
}: Omit<GroupedSelectProps, "groups"> & { placeholder: string; communities: Community[] }) {
  return <GroupedSelect {...props} groups={groupsOf(communities)} />;
}
