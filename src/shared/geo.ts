// Places without a map service: communities and grids from content/complaints/*.geo.json, resolved
// by point-in-polygon; distances for "nearby"; coordinates coarsened for public views.
import * as v from "valibot";
import communitiesFile from "../../content/complaints/communities.geo.json" with { type: "json" };
import { communityIn } from "./geo-math.ts";

export { boundingBox, distanceMetres, publicCoordinate } from "./geo-math.ts";

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

/** The community a point lies in, or undefined outside the district. */
export function communityAt(lng: number, lat: number): Community | undefined {
  return communityIn(COMMUNITIES, lng, lat);
}
