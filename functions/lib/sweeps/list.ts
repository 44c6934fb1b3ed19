import { COMMUNITIES } from "../../../src/shared/geo";
import { ADULT_AGE, coverageByCommunity, mostNeeded } from "../../../src/shared/sweeps/rules";
import type { SweepList } from "../../../src/shared/sweeps/wire";
import { addDays, chinaDay, dayEnd, dayStart } from "../../../src/shared/time";
import type { Db } from "../../db/client";
import { openSweepsBetween } from "../../db/sweeps/index";
import { publicSweep } from "./view";

export interface ListFilter {
  community?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  minors?: "1" | "0" | undefined;
}

/** Four weeks from today when the period is not given. */
const DEFAULT_DAYS = 28;

/**
 * Upcoming open sweeps, sorted where help is most needed: the community whose sweeps in the period
 * have the lowest share of places confirmed first, then by start. Coverage is taken over all
 * communities' sweeps in the period (not only the filtered ones), so it means the same whatever
 * the filter.
 */
export async function sweepList(db: Db, f: ListFilter, now = new Date()): Promise<SweepList> {
  const from = f.from ?? chinaDay(now);
  const to = f.to ?? addDays(from, DEFAULT_DAYS - 1);
  const start = new Date(Math.max(dayStart(from).getTime(), now.getTime())).toISOString();
  const rows = await openSweepsBetween(db, start, dayEnd(to).toISOString()).all();
  const coverage = coverageByCommunity(
    rows.map((r) => ({ communityId: r.sweep.communityId, capacity: r.sweep.capacity, confirmed: r.confirmed })),
  );
  const needed = mostNeeded(coverage);
  const ratio = (id: string) => coverage.get(id)?.ratio ?? 1;
  const shown = rows
    .filter((r) => !f.community || r.sweep.communityId === f.community)
    .filter((r) => f.minors !== "1" || r.sweep.minAge < ADULT_AGE)
    .sort(
      (a, b) =>
        ratio(a.sweep.communityId) - ratio(b.sweep.communityId) || a.sweep.startsAt.localeCompare(b.sweep.startsAt),
    );
  return {
    sweeps: shown.map((r) => publicSweep(r, needed.has(r.sweep.communityId))),
    coverage: COMMUNITIES.map((c) => {
      const cov = coverage.get(c.id);
      return {
        communityId: c.id,
        communityName: c.name,
        capacity: cov?.capacity ?? 0,
        confirmed: cov?.confirmed ?? 0,
        ratio: cov ? cov.ratio : null,
      };
    }),
  };
}
