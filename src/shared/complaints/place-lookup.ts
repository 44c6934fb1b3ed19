// The gazetteer's lookups as pure functions of the list: the filing island gets the list as
// build-time props (no file, no checking code in the browser); places.ts applies them to the
// checked file for the API and the console.

export type PlaceKind = "road" | "place";

export interface Place {
  id: string;
  name: string;
  kind: PlaceKind;
  /** The communities a road passes through; a place lies in exactly one. */
  communities: string[];
  /** Polylines of [lng, lat]; a place is one line of one position. */
  lines: [number, number][][];
}

/** The roads and places of one community, roads first, each group by name: what the picker lists. */
export function placesIn(places: Place[], communityId: string): Place[] {
  const of = places.filter((p) => p.communities.includes(communityId));
  const order = (p: Place) => (p.kind === "road" ? 0 : 1);
  return of.sort((a, b) => order(a) - order(b) || a.name.localeCompare(b.name, "zh-CN"));
}

/** Metres from a point to a polyline, on a local flat projection (good to a few metres at 2 km). */
function toLine(lng: number, lat: number, line: [number, number][]): number {
  const kx = 111_320 * Math.cos((lat * Math.PI) / 180);
  const ky = 111_320;
  if (line.length === 1) {
    const [x, y] = line[0] as [number, number];
    return Math.hypot((x - lng) * kx, (y - lat) * ky);
  }
  let best = Number.POSITIVE_INFINITY;
  for (let i = 1; i < line.length; i++) {
    const [x0, y0] = line[i - 1] as [number, number];
    const [x1, y1] = line[i] as [number, number];
    const ax = (x0 - lng) * kx;
    const ay = (y0 - lat) * ky;
    const dx = (x1 - x0) * kx;
    const dy = (y1 - y0) * ky;
    const len2 = dx * dx + dy * dy;
    const t = len2 === 0 ? 0 : Math.min(1, Math.max(0, -(ax * dx + ay * dy) / len2));
    best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
  }
  return best;
}

/**
 * The nearest road or place of the community to a point. Callers pass the PUBLISHED point (coarsened
 * with publicCoordinate), so the name says no more than the public coordinate already does.
 */
export function nearestIn(places: Place[], communityId: string, lng: number, lat: number): Place | undefined {
  let best: Place | undefined;
  let bestM = Number.POSITIVE_INFINITY;
  for (const p of placesIn(places, communityId)) {
    const m = Math.min(...p.lines.map((l) => toLine(lng, lat, l)));
    if (m < bestM) [best, bestM] = [p, m];
  }
  return best;
}
