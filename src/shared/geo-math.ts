// Pure geometry on [lng, lat] without the boundaries file: the filing island gets the communities
// as build-time props and uses these; src/shared/geo.ts applies them to the checked file.

export interface CommunityArea {
  id: string;
  name: string;
  subdistrict: string;
  rings: [number, number][][];
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

/** The community of the list a point lies in, or undefined outside them all. */
export function communityIn<C extends Pick<CommunityArea, "rings">>(communities: C[], lng: number, lat: number) {
  return communities.find((c) => inRings(lng, lat, c.rings));
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
