// The district map of our own data: the community boundaries and the gazetteer's roads and places.
// Imported by pages at build time only (its output goes to the islands as props), so neither the
// boundaries nor the gazetteer are fetched, and no map service is asked for anything.
import { PLACES } from "../../shared/complaints/places";
import { COMMUNITIES } from "../../shared/geo";
import { buildDistrictMap, type DistrictMap } from "./district-map";

let built: DistrictMap | undefined;

export function districtMap(): DistrictMap {
  built ??= buildDistrictMap({
    communities: COMMUNITIES,
    roads: PLACES.filter((p) => p.kind === "road").map(({ id, name, lines }) => ({ id, name, lines })),
    places: PLACES.filter((p) => p.kind === "place").map(({ id, name, lines }) => ({
      id,
      name,
      at: lines[0]?.[0] as [number, number],
    })),
  });
  return built;
}
