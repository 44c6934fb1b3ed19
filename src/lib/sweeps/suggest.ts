// When the sweep someone opened is full, the sweeps to suggest instead: places left, within a few
// days of it, the communities that most need volunteers first, then the nearest in time and place.
// This is how the balance over communities reaches a student who picked a popular one.
// Pure: tests/unit/sweeps/suggest.test.ts.
import { distanceMetres } from "../../shared/geo-math";
import type { PublicSweep } from "../../shared/sweeps/wire";

const HOUR_MS = 3_600_000;
/** "A similar time": within three days either side. */
export const SIMILAR_WITHIN_HOURS = 72;

type Placed = Pick<PublicSweep, "id" | "startsAt" | "lat" | "lng" | "placesLeft" | "mostNeeded" | "state">;

/** Up to `limit` sweeps to offer in place of `full`, best first. */
export function suggestionsFor<S extends Placed>(full: Placed, sweeps: S[], limit = 3): S[] {
  const start = Date.parse(full.startsAt);
  const hoursApart = (s: Placed) => Math.abs(Date.parse(s.startsAt) - start) / HOUR_MS;
  return sweeps
    .filter((s) => s.id !== full.id && s.state === "open" && s.placesLeft > 0 && hoursApart(s) <= SIMILAR_WITHIN_HOURS)
    .map((s) => ({ s, hours: hoursApart(s), metres: distanceMetres(full, s) }))
    .sort(
      (a, b) =>
        Number(b.s.mostNeeded) - Number(a.s.mostNeeded) ||
        // Half a day apart weighs like 2 km apart: a Saturday-morning student keeps their morning.
        a.hours / 12 + a.metres / 2000 - (b.hours / 12 + b.metres / 2000),
    )
    .slice(0, limit)
    .map(({ s }) => s);
}
