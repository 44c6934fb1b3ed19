// When the sweep someone picked is full, or its community already well covered, the sweeps to suggest
// instead: places left, at a similar time (the same day within a few hours, else the nearest days),
// the least-covered communities first, then the nearest in time and place (meeting points are public
// places). This is how the balance over communities reaches a student who picked a popular one.
// Pure, and the one implementation: the sweep page and the balance simulation
// (scripts/bench/sweeps-balance.ts) both call it. Tests: tests/unit/sweeps/suggest.test.ts.
import { distanceMetres } from "../../shared/geo-math.ts";
import type { PublicSweep } from "../../shared/sweeps/wire.ts";

const HOUR_MS = 3_600_000;
/** "A similar time": the same day within this many hours is best… */
export const SAME_DAY_HOURS = 3;
/** …else the nearest days, up to three days either side. */
export const SIMILAR_WITHIN_HOURS = 72;
/** A community this far above the least covered (in coverage ratio) is "well covered": others are suggested. */
export const WELL_COVERED_MARGIN = 0.15;
/** Coverage ratios are compared in steps of this size, so a nearer sweep wins over a hair less covered one. */
export const COVERAGE_STEP = 0.1;

type Placed = Pick<
  PublicSweep,
  "id" | "communityId" | "startsAt" | "lat" | "lng" | "placesLeft" | "mostNeeded" | "state"
>;

/** Each community's coverage ratio (the list's `coverage`); without it, `mostNeeded` is all there is. */
export type CoverageRatios = ReadonlyMap<string, number>;

export interface SuggestOptions {
  limit?: number;
  coverage?: CoverageRatios | undefined;
}

/** The coverage ratios of a list's `coverage` rows (communities without a ratio left out). */
export function ratiosOfList(coverage: readonly { communityId: string; ratio: number | null }[]): Map<string, number> {
  return new Map(coverage.flatMap((c) => (c.ratio === null ? [] : [[c.communityId, c.ratio] as const])));
}

/** Whether to offer others in place of `picked`: it is full, or its community is well covered. */
export function shouldSuggest(picked: Pick<Placed, "communityId" | "placesLeft">, coverage?: CoverageRatios): boolean {
  if (picked.placesLeft <= 0) return true;
  const own = coverage?.get(picked.communityId);
  if (own === undefined || !coverage) return false;
  return own >= Math.min(...coverage.values()) + WELL_COVERED_MARGIN;
}

/**
 * Up to `limit` sweeps to offer in place of `picked`, best first: open with places left, within
 * SIMILAR_WITHIN_HOURS; when `picked` still has places, only communities less covered than its own by
 * WELL_COVERED_MARGIN (else the suggestion would not help the balance).
 */
export function suggestionsFor<S extends Placed>(
  picked: Placed,
  sweeps: S[],
  options: number | SuggestOptions = {},
): S[] {
  const { limit = 3, coverage } = typeof options === "number" ? { limit: options } : options;
  const start = Date.parse(picked.startsAt);
  const hoursApart = (s: Placed) => Math.abs(Date.parse(s.startsAt) - start) / HOUR_MS;
  // Lower is more in need: the coverage step, or 0 for "most needed" and 1 for the rest.
  const need = (s: Placed) => {
    const r = coverage?.get(s.communityId);
    return r === undefined ? (s.mostNeeded ? 0 : 1) : Math.floor(r / COVERAGE_STEP);
  };
  const own = coverage?.get(picked.communityId);
  const helps = (s: Placed) => {
    if (picked.placesLeft <= 0 || own === undefined) return true;
    const r = coverage?.get(s.communityId);
    return r !== undefined && r <= own - WELL_COVERED_MARGIN;
  };
  // Same day within SAME_DAY_HOURS counts as the same time; beyond, each hour apart adds (half a day
  // apart weighs like 2 km apart: a Saturday-morning student keeps their morning).
  const cost = (hours: number, metres: number) => (hours <= SAME_DAY_HOURS ? 0 : hours / 12) + metres / 2000;
  return sweeps
    .filter(
      (s) =>
        s.id !== picked.id &&
        s.state === "open" &&
        s.placesLeft > 0 &&
        hoursApart(s) <= SIMILAR_WITHIN_HOURS &&
        helps(s),
    )
    .map((s) => ({ s, need: need(s), cost: cost(hoursApart(s), distanceMetres(picked, s)) }))
    .sort((a, b) => a.need - b.need || a.cost - b.cost)
    .slice(0, limit)
    .map(({ s }) => s);
}
