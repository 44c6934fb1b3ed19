import { placesOf } from "../../shared/complaints/places";
import { GroupedSelect, type GroupedSelectProps } from "../forms/GroupedSelect";

/**
 * The roads and places of one community (content/complaints/gazetteer.geo.json), roads first: the
 * public place of a case, as the resident picks it and as staff correct it on accepting.
 */
export function PlaceSelect({
  communityId,
  placeholder = "（未填写）",
  ...props
}: Omit<GroupedSelectProps, "groups" | "ungrouped" | "placeholder"> & { communityId: string; placeholder?: string }) {
  const places = placesOf(communityId);
  return (
    <GroupedSelect
      {...props}
      placeholder={placeholder}
      value={places.some((p) => p.id === props.value) ? props.value : ""}
      groups={[
        { label: "道路", options: places.filter((p) => p.kind === "road") },
        { label: "地点", options: places.filter((p) => p.kind === "place") },
      ]}
    />
  );
}
