// The district drawn from our own boundaries and gazetteer, with no map service: an equirectangular
// projection (longitude shrunk by the cosine of the middle latitude, so a kilometre east is as long
// as a kilometre north) into an SVG viewBox. Pages compute the map at build time and pass it to
// their islands as props; the islands only draw it and turn a tap back into a point.

export type LngLat = [number, number];

export interface Point {
  lat: number;
  lng: number;
}

/** Where a latitude and longitude land in the viewBox, and back. Plain numbers: it travels as island props. */
export interface Projection {
  /** The north-west corner of the drawn area, at (pad, pad). */
  west: number;
  north: number;
  /** Viewbox units per degree of latitude. */
  unitsPerDegree: number;
  /** cos(middle latitude): a degree of longitude is this share of a degree of latitude. */
  lngFactor: number;
  pad: number;
}

export interface MapCommunity {
  id: string;
  name: string;
  /** The name without 社区, for a label that fits the polygon on a phone. */
  short: string;
  d: string;
  label: { x: number; y: number };
}

export interface MapRoad {
  id: string;
  name: string;
  d: string;
  /** The middle of the road's longest straight piece, turned along it (degrees, always readable). */
  label: { x: number; y: number; angle: number };
}

export interface MapPlace {
  id: string;
  name: string;
  x: number;
  y: number;
}

export interface DistrictMap {
  width: number;
  height: number;
  projection: Projection;
  communities: MapCommunity[];
  roads: MapRoad[];
  places: MapPlace[];
  /** A scale bar: `length` viewBox units are `metres` on the ground. */
  scale: { metres: number; length: number; label: string };
}

export interface MapSource {
  communities: { id: string; name: string; rings: LngLat[][] }[];
  roads?: { id: string; name: string; lines: LngLat[][] }[];
  places?: { id: string; name: string; at: LngLat }[];
}

/** A phone's width: 14 units of text read at about 13 px on a 360 px screen. */
export const MAP_WIDTH = 360;
const PAD = 8;
const METRES_PER_DEGREE = 111_320;

/** Viewbox coordinates to one decimal (about 3 m here): short path strings, nothing lost a tap could give. */
const round = (n: number) => Math.round(n * 10) / 10;

export function project(p: Projection, { lat, lng }: Point): { x: number; y: number } {
  return {
    x: p.pad + (lng - p.west) * p.lngFactor * p.unitsPerDegree,
    y: p.pad + (p.north - lat) * p.unitsPerDegree,
  };
}

/** The inverse of `project`: a tap on the map (in viewBox units) as a latitude and longitude. */
export function unproject(p: Projection, { x, y }: { x: number; y: number }): Point {
  return {
    lat: p.north - (y - p.pad) / p.unitsPerDegree,
    lng: p.west + (x - p.pad) / (p.lngFactor * p.unitsPerDegree),
  };
}

function pathOf(p: Projection, lines: LngLat[][], close: boolean): string {
  return lines
    .map((line) => {
      const pts = line.map(([lng, lat]) => project(p, { lat, lng }));
      const body = pts.map((pt, i) => `${i === 0 ? "M" : "L"}${round(pt.x)} ${round(pt.y)}`).join("");
      return close ? `${body}Z` : body;
    })
    .join("");
}

/** The area centroid of the largest ring (shoelace formula): where a polygon's name goes. */
function centroid(p: Projection, rings: LngLat[][]): { x: number; y: number } {
  let best = { area: 0, x: 0, y: 0 };
  for (const ring of rings) {
    const pts = ring.map(([lng, lat]) => project(p, { lat, lng }));
    let a = 0;
    let cx = 0;
    let cy = 0;
    for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
      const pi = pts[i] as { x: number; y: number };
      const pj = pts[j] as { x: number; y: number };
      const cross = pj.x * pi.y - pi.x * pj.y;
      a += cross;
      cx += (pj.x + pi.x) * cross;
      cy += (pj.y + pi.y) * cross;
    }
    if (Math.abs(a) > Math.abs(best.area)) best = { area: a, x: cx / (3 * a), y: cy / (3 * a) };
  }
  return { x: round(best.x), y: round(best.y) };
}

/**
 * Where a road's name goes: on one of its straight pieces, at the spot farthest from the labels
 * already placed (the communities' names sit where the roads cross them), turned along the piece.
 */
function roadLabel(p: Projection, lines: LngLat[][], taken: { x: number; y: number }[]): MapRoad["label"] {
  let best = { score: -1, x: 0, y: 0, angle: 0 };
  for (const line of lines) {
    const pts = line.map(([lng, lat]) => project(p, { lat, lng }));
    for (let i = 1; i < pts.length; i++) {
      const a = pts[i - 1] as { x: number; y: number };
      const b = pts[i] as { x: number; y: number };
      let angle = (Math.atan2(b.y - a.y, b.x - a.x) * 180) / Math.PI;
      // Text never reads upside down: turn it into (-90°, 90°].
      if (angle > 90) angle -= 180;
      if (angle <= -90) angle += 180;
      for (const t of [0.5, 0.35, 0.65, 0.2, 0.8]) {
        const x = a.x + (b.x - a.x) * t;
        const y = a.y + (b.y - a.y) * t;
        const score = Math.min(Number.MAX_VALUE, ...taken.map((l) => Math.hypot(l.x - x, l.y - y)));
        if (score > best.score) best = { score, x, y, angle: Math.round(angle) };
      }
    }
  }
  const label = { x: round(best.x), y: round(best.y), angle: best.angle };
  taken.push(label);
  return label;
}

/** About a quarter of the map's width, as 100, 200, 500, 1000, 2000 … metres. */
function scaleBar(p: Projection, width: number): DistrictMap["scale"] {
  const metresPerUnit = METRES_PER_DEGREE / p.unitsPerDegree;
  const target = (width / 4) * metresPerUnit;
  const step = 10 ** Math.floor(Math.log10(target));
  const metres = [5, 2, 1].map((m) => m * step).find((m) => m <= target) ?? step;
  return {
    metres,
    length: round(metres / metresPerUnit),
    label: metres >= 1000 ? `${metres / 1000} 公里` : `${metres} 米`,
  };
}

/** The whole map from the boundaries (and, when given, roads and places), fitted to `width` units. */
export function buildDistrictMap(source: MapSource, width = MAP_WIDTH): DistrictMap {
  const all = source.communities.flatMap((c) => c.rings.flat());
  if (all.length === 0) throw new Error("the district map needs at least one community boundary");
  const lngs = all.map(([lng]) => lng);
  const lats = all.map(([, lat]) => lat);
  const [west, east, south, north] = [Math.min(...lngs), Math.max(...lngs), Math.min(...lats), Math.max(...lats)];
  const lngFactor = Math.cos((((north + south) / 2) * Math.PI) / 180);
  const unitsPerDegree = (width - 2 * PAD) / ((east - west) * lngFactor);
  const projection: Projection = { west, north, unitsPerDegree, lngFactor, pad: PAD };
  const height = Math.ceil(round((north - south) * unitsPerDegree + 2 * PAD));
  const communities = source.communities.map((c) => ({
    id: c.id,
    name: c.name,
    short: c.name.replace(/社区$/, ""),
    d: pathOf(projection, c.rings, true),
    label: centroid(projection, c.rings),
  }));
  const taken = communities.map((c) => c.label);
  return {
    width,
    height,
    projection,
    communities,
    roads: (source.roads ?? []).map((r) => ({
      id: r.id,
      name: r.name,
      d: pathOf(projection, r.lines, false),
      label: roadLabel(projection, r.lines, taken),
    })),
    places: (source.places ?? []).map(({ id, name, at: [lng, lat] }) => {
      const { x, y } = project(projection, { lat, lng });
      return { id, name, x: round(x), y: round(y) };
    }),
    scale: scaleBar(projection, width),
  };
}
