// Places without a map service: communities and grids from content/complaints/*.geo.json, resolved
// by point-in-polygon; distances for "nearby"; coordinates coarsened for public views.
import * as v from "valibot";
import communitiesFile from "../../content/complaints/communities.geo.json" with { type: "json" };

export interface Community {
  id: string;
  name: string;
  subdistrict: string;
  /** The sub-district's squad (中队) and the community's station (社区工作站), as unit ids. */
  squad: string;
  station: string;
  rings: [number, number][][];
}

const Position = v.tuple([
  v.pipe(v.number(), v.minValue(-180), v.maxValue(180)),
  v.pipe(v.number(), v.minValue(-90), v.maxValue(90)),
]);
const Ring = v.pipe(v.array(Position), v.minLength(4));
const UnitId = v.pipe(v.string(), v.regex(/^[a-z0-9-]{2,40}$/));
// Staff edit the boundaries: checked when loaded, so a broken edit fails the build and the tests.
const CommunitiesSchema = v.object({
  features: v.pipe(
    v.array(
      v.object({
        properties: v.object({ id: UnitId, name: v.string(), subdistrict: v.string(), squad: UnitId, station: UnitId }),
        geometry: v.variant("type", [
          v.object({ type: v.literal("Polygon"), coordinates: v.array(Ring) }),
          v.object({ type: v.literal("MultiPolygon"), coordinates: v.array(v.array(Ring)) }),
        ]),
      }),
    ),
    v.minLength(1),
  ),
});

export const COMMUNITIES: Community[] = v.parse(CommunitiesSchema, communitiesFile).features.map((f) => ({
  ...f.properties,
  rings: f.geometry.type === "Polygon" ? f.geometry.coordinates : f.geometry.coordinates.flat(),
}));
const byId = new Map(COMMUNITIES.map((c) => [c.id, c]));

export function communityById(id: string): Community | undefined {
  return byId.get(id);
}

/** Ray casting over a ring of [lng, lat]; the even-odd rule makes holes work for multi-ring polygons. */
function inRings(lng: number, lat: number, rings: [number, number][][]): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i] as [number, number];
      const [xj, yj] = ring[j] as [number, number];
      if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** The community a point lies in, or undefined outside the district. */
export function communityAt(lng: number, lat: number): Community | undefined {
  return COMMUNITIES.find((c) => inRings(lng, lat, c.rings));
}

const EARTH_RADIUS_M = 6_371_000;
const rad = (d: number) => (d * Math.PI) / 180;

/** Great-circle distance in metres (haversine). */
export function distanceMetres(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(h));
}

/** The bounding box around a point holding every point within `metres`: a cheap index prefilter. */
export function boundingBox(lat: number, lng: number, metres: number) {
  const dLat = metres / 111_320;
  const dLng = metres / (111_320 * Math.cos(rad(lat)));
  return { minLat: lat - dLat, maxLat: lat + dLat, minLng: lng - dLng, maxLng: lng + dLng };
}

/** Coarsened to 3 decimals (≈ 111 m of latitude, ≈ 96 m of longitude here): what the public may see. */
export function publicCoordinate(value: number): number {
  return Math.round(value * 1000) / 1000;
}
