import type { Place } from "../../shared/complaints/place-lookup";
import { GroupedSelect, type GroupedSelectProps } from "../forms/GroupedSelect";

/**
 * The roads and places of one community (content/complaints/gazetteer.geo.json), roads first: the
 * public place of a case, as the resident picks it and as staff correct it on accepting. Given the
 * community's places (placesOf or placesIn), so the filing island need not import the gazetteer.
 */
export function PlaceSelect({
  places,
  placeholder = "（未填写）",
  ...props
}: Omit<GroupedSelectProps, "groups" | "ungrouped" | "placeholder"> & { places: Place[]; placeholder?: string }) {
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
