// "Is this the same problem?": how far an open case lies from the place a resident is filing about,
// said no finer than the case's published point allows. That point is the exact one rounded to a
// 0.001° cell (≈ 100 m, `publicCoordinate` in src/shared/geo.ts), so a distance from it is only
// good to about ±70 m anyway; bands of 100 m say no more than that. The exact point never enters.
import { NEARBY_METRES } from "./filing-schema";

/** Upper bounds of the bands, in metres: within 100, 100–200, 200–NEARBY_METRES. */
export const NEARBY_BANDS = [100, 200, NEARBY_METRES] as const;
export type NearbyBand = (typeof NEARBY_BANDS)[number];

/** The band a distance (from a published point) falls in; beyond NEARBY_METRES is not nearby. */
export function nearbyBand(metres: number): NearbyBand | null {
  return NEARBY_BANDS.find((upTo) => metres <= upTo) ?? null;
}

/** "100 米内", "约 200 米", "约 250 米". */
export function nearbyBandLabel(band: NearbyBand): string {
  return band === NEARBY_BANDS[0] ? `${band} 米内` : `约 ${band} 米`;
}
