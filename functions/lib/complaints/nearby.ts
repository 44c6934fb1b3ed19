import { nearbyBand } from "../../../src/shared/complaints/nearby";
import { NEARBY_DAYS, NEARBY_METRES } from "../../../src/shared/complaints/schemas";
import type { NearbyCase } from "../../../src/shared/complaints/wire";
import { boundingBox, distanceMetres } from "../../../src/shared/geo";
import type { Db } from "../../db/client";
import { openCasesInBox } from "../../db/complaints/index";
import { publicCase } from "./public-view";

/**
 * Open cases of a category filed in the last NEARBY_DAYS whose published point lies within
 * NEARBY_METRES of `at`, nearest first, each with its distance band. Everything here is computed
 * from published points only, so an answer says nothing the public list does not already say:
 * however many probes someone sends, they can find a case's published cell, never the point in it.
 */
export async function nearbyCases(
  db: Db,
  q: { categoryId: string; lat: number; lng: number },
  now = Date.now(),
): Promise<NearbyCase[]> {
  const since = new Date(now - NEARBY_DAYS * 86_400_000).toISOString();
  const rows = await openCasesInBox(db, {
    categoryId: q.categoryId,
    since,
    ...boundingBox(q.lat, q.lng, NEARBY_METRES),
  }).all();
  return rows
    .flatMap((r) => {
      if (r.publicLat === null || r.publicLng === null) return [];
      const metres = distanceMetres(q, { lat: r.publicLat, lng: r.publicLng });
      const band = nearbyBand(metres);
      return band === null ? [] : [{ metres, nearby: { ...publicCase(r), withinMetres: band } }];
    })
    .sort((a, b) => a.metres - b.metres)
    .map((x) => x.nearby);
}
