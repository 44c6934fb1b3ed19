// The gazetteer: the roads and places of each community (content/complaints/gazetteer.geo.json).
// A case's public place is one of these names, chosen by the resident or resolved from the
// published (coarsened) point, never what the resident typed: free text may hold names and phones.
import * as v from "valibot";
import gazetteerFile from "../../../content/complaints/gazetteer.geo.json" with { type: "json" };
import { COMMUNITIES, communityAt, communityById, distanceMetres } from "../geo.ts";
import { nearestIn, type Place, placesIn } from "./place-lookup.ts";

export type { Place, PlaceKind } from "./place-lookup.ts";

const Position = v.tuple([
  v.pipe(v.number(), v.minValue(-180), v.maxValue(180)),
  v.pipe(v.number(), v.minValue(-90), v.maxValue(90)),
]);
const Line = v.pipe(v.array(Position), v.minLength(2));
const PlaceId = v.pipe(v.string(), v.regex(/^[a-z0-9-]{2,60}$/));
const Name = v.pipe(v.string(), v.trim(), v.minLength(2), v.maxLength(30));

const GazetteerSchema = v.object({
  features: v.pipe(
    v.array(
      v.variant("geometryKind", [
        // variant needs a key on the object itself: lift `properties.kind` up before parsing
        v.object({
          geometryKind: v.literal("road"),
          properties: v.object({
            id: PlaceId,
            name: Name,
            kind: v.literal("road"),
            communities: v.pipe(v.array(v.string()), v.minLength(1)),
          }),
          geometry: v.variant("type", [
            v.object({ type: v.literal("LineString"), coordinates: Line }),
            v.object({ type: v.literal("MultiLineString"), coordinates: v.pipe(v.array(Line), v.minLength(1)) }),
          ]),
        }),
        v.object({
          geometryKind: v.literal("place"),
          properties: v.object({ id: PlaceId, name: Name, kind: v.literal("place"), community: v.string() }),
          geometry: v.object({ type: v.literal("Point"), coordinates: Position }),
        }),
      ]),
    ),
    v.minLength(1),
  ),
});

/** Samples along a segment every ~20 m: enough to see a road enter a community 2 km wide. */
function samples(line: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 1; i < line.length; i++) {
    const [x0, y0] = line[i - 1] as [number, number];
    const [x1, y1] = line[i] as [number, number];
    const steps = Math.max(1, Math.ceil(distanceMetres({ lng: x0, lat: y0 }, { lng: x1, lat: y1 }) / 20));
    for (let s = 0; s <= steps; s++) out.push([x0 + ((x1 - x0) * s) / steps, y0 + ((y1 - y0) * s) / steps]);
  }
  return out;
}

/** The communities a road runs through, in district order. */
export function communitiesCrossed(lines: [number, number][][]): string[] {
  const hit = new Set<string>();
  for (const line of lines) for (const [lng, lat] of samples(line)) hit.add(communityAt(lng, lat)?.id ?? "");
  return COMMUNITIES.filter((c) => hit.has(c.id)).map((c) => c.id);
}

/**
 * Parses the gazetteer and checks it against the boundaries: ids unique, every community known, each
 * place inside its community, each road through exactly the communities it lists, names unique within
 * a community. Staff edit the file: a broken edit throws here, so it fails the build and the tests.
 */
export function parseGazetteer(file: unknown): Place[] {
  const raw = file as { features?: { properties?: { kind?: unknown } }[] };
  const lifted = { features: (raw.features ?? []).map((f) => ({ ...f, geometryKind: f.properties?.kind })) };
  const problems: string[] = [];
  const places: Place[] = v.parse(GazetteerSchema, lifted).features.map((f) => {
    if (f.geometryKind === "place") {
      const [lng, lat] = f.geometry.coordinates;
      const { id, name, community } = f.properties;
      if (!communityById(community)) problems.push(`${id}: unknown community ${community}`);
      else if (communityAt(lng, lat)?.id !== community) problems.push(`${id}: the point is not inside ${community}`);
      return { id, name, kind: "place", communities: [community], lines: [[[lng, lat]]] };
    }
    const lines = f.geometry.type === "LineString" ? [f.geometry.coordinates] : f.geometry.coordinates;
    const { id, name, communities } = f.properties;
    const crossed = communitiesCrossed(lines);
    for (const c of communities) {
      if (!communityById(c)) problems.push(`${id}: unknown community ${c}`);
      else if (!crossed.includes(c)) problems.push(`${id}: does not pass through ${c}`);
    }
    for (const c of crossed)
      if (!communities.includes(c)) problems.push(`${id}: passes through ${c} but does not list it`);
    return { id, name, kind: "road", communities, lines };
  });
  const ids = new Set<string>();
  const names = new Set<string>();
  for (const p of places) {
    if (ids.has(p.id)) problems.push(`${p.id}: id used twice`);
    ids.add(p.id);
    for (const c of p.communities) {
      if (names.has(`${c}\u0000${p.name}`)) problems.push(`${p.id}: the name ${p.name} is used twice in ${c}`);
      names.add(`${c}\u0000${p.name}`);
    }
  }
  for (const c of COMMUNITIES) {
    if (!places.some((p) => p.communities.includes(c.id))) problems.push(`${c.id}: no road or place`);
  }
  if (problems.length > 0) throw new Error(`content/complaints/gazetteer.geo.json:\n${problems.join("\n")}`);
  return places;
}

export const PLACES: Place[] = parseGazetteer(gazetteerFile);
const byId = new Map(PLACES.map((p) => [p.id, p]));

export function placeById(id: string): Place | undefined {
  return byId.get(id);
}

/** The roads and places of one community, roads first, each group by name: what the picker lists. */
export function placesOf(communityId: string): Place[] {
  return placesIn(PLACES, communityId);
}

/** True when the place exists and belongs to the community (a road through it, or a place in it). */
export function placeBelongsTo(placeId: string, communityId: string): boolean {
  return byId.get(placeId)?.communities.includes(communityId) ?? false;
}

/**
 * The nearest road or place of the community to a point. Callers pass the PUBLISHED point (coarsened
 * with publicCoordinate), so the name says no more than the public coordinate already does.
 */
export function nearestPlace(communityId: string, lng: number, lat: number): Place | undefined {
  return nearestIn(PLACES, communityId, lng, lat);
}

/**
 * What a public view shows as a case's place: the gazetteer name, or the community's name for a case
 * filed before the gazetteer (placeId null). Never the resident's own words.
 */
export function publicPlace(placeId: string | null, communityId: string): string {
  const place = placeId ? byId.get(placeId) : undefined;
  return place?.name ?? communityById(communityId)?.name ?? "";
}
