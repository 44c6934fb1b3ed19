import { COMMUNITIES } from "../../../src/shared/geo";
import { coverageOf, endExclusive, ratiosOf, type SweepTally, targetsFor } from "../../../src/shared/sweeps/balance";
import { ADULT_AGE, mostNeeded } from "../../../src/shared/sweeps/rules";
import type { SweepList } from "../../../src/shared/sweeps/wire";
import { addDays, chinaDay, dayEnd, dayStart } from "../../../src/shared/time";
import type { Db } from "../../db/client";
import { readKept } from "../../db/kept-reads";
import { targetsIn } from "../../db/sweeps/figures";
import { openSweeps } from "../../db/sweeps/index";
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
 * Upcoming open sweeps, sorted where help is most needed: the community least covered against its
 * target (src/shared/sweeps/balance.ts; without a staff target, against its own planned places) first,
 * then by start. Coverage is taken over all communities' sweeps in the period (not only the filtered
 * ones), so it means the same whatever the filter.
 */
export async function sweepList(db: Db, f: ListFilter, now = new Date()): Promise<SweepList> {
  const from = f.from ?? chinaDay(now);
  const to = f.to ?? addDays(from, DEFAULT_DAYS - 1);
  // The period's rows, kept while no sweep, sign-up or target changes (functions/db/kept-reads.ts);
  // the sweeps begun by now are left out here, not in the read, so the read is the same all day.
  const [read, targetRows] = await readKept(db, "sweeps", `${from} ${to}`, [
    [openSweeps(db), { start: dayStart(from).toISOString(), end: dayEnd(to).toISOString() }],
    [targetsIn(db), { from, to: endExclusive(to) }],
  ]);
  const start = now.toISOString();
  const rows = read.filter((r) => r.sweep.startsAt >= start);
  const tallies: SweepTally[] = rows.map((r) => ({
    communityId: r.sweep.communityId,
    capacity: r.sweep.capacity,
    startsAt: r.sweep.startsAt,
    endsAt: r.sweep.endsAt,
    taken: r.confirmed + r.offered + r.held,
    attended: 0,
    attendedMinutes: 0,
  }));
  const coverage = coverageOf(tallies, targetsFor(targetRows, from, endExclusive(to)), now);
  // A community with a target but no sweep in the period has nothing to sign up to: not ranked.
  const ratios = ratiosOf(new Map([...coverage].filter(([, c]) => c.capacity > 0)));
  const needed = mostNeeded(new Map([...ratios].map(([id, ratio]) => [id, { ratio }])));
  const ratio = (id: string) => ratios.get(id) ?? Number.POSITIVE_INFINITY;
  const shown = rows
    .filter((r) => !f.community || r.sweep.communityId === f.community)
    .filter((r) => f.minors !== "1" || r.sweep.minAge < ADULT_AGE)
    .sort(
      (a, b) =>
        ratio(a.sweep.communityId) - ratio(b.sweep.communityId) || a.sweep.startsAt.localeCompare(b.sweep.startsAt),
    );
  const confirmed = new Map<string, number>();
  for (const r of rows) confirmed.set(r.sweep.communityId, (confirmed.get(r.sweep.communityId) ?? 0) + r.confirmed);
  return {
    sweeps: shown.map((r) => publicSweep(r, needed.has(r.sweep.communityId))),
    coverage: COMMUNITIES.map((c) => {
      const cov = coverage.get(c.id);
      return {
        communityId: c.id,
        communityName: c.name,
        capacity: cov?.capacity ?? 0,
        confirmed: confirmed.get(c.id) ?? 0,
        taken: cov?.taken ?? 0,
        target: cov?.target ?? null,
        targetKind: cov?.kind ?? "places",
        targetSet: cov?.targetSet ?? false,
        ratio: ratios.get(c.id) ?? null,
      };
    }),
  };
}
