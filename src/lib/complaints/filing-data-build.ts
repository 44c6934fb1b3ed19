// The filing island's lists, read from the checked content files at build time (and in the tests):
// the page passes them as one JSON prop, so they reach the browser as page bytes, not as a script.
import { ACCEPT_MINUTES, CATEGORIES, CATEGORY_GROUPS } from "../../shared/complaints/categories";
import { PLACES } from "../../shared/complaints/places";
import { COMMUNITIES } from "../../shared/geo";
import type { FilingData } from "./filing-data";

let built: FilingData | undefined;

export function filingData(): FilingData {
  built ??= {
    categories: CATEGORIES.map(({ limitHours, unitRule, ...c }) => c),
    groups: CATEGORY_GROUPS.map(({ categories, ...g }) => ({ ...g, categoryIds: categories.map((c) => c.id) })),
    acceptMinutes: ACCEPT_MINUTES,
    // The station and squad ids are staff matters: the browser needs the name and the outline.
    communities: COMMUNITIES.map(({ id, name, subdistrict, rings }) => ({ id, name, subdistrict, rings })),
    places: PLACES,
  };
  return built;
}
