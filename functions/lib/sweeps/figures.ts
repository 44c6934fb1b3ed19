import { COMMUNITIES, communityById } from "../../../src/shared/geo";
import { balanceOf, type Coverage, coverageOf, endExclusive, targetsFor } from "../../../src/shared/sweeps/balance";
import {
  FIGURES_MIN_PERSONS,
  FIGURES_TOP_ORGANISATIONS,
  OTHER_ORGANISATIONS,
} from "../../../src/shared/sweeps/figures";
import type {
  CoverageFigure,
  FiguresRow,
  SweepCoverage,
  SweepFigures,
  SweepTargetPeriod,
} from "../../../src/shared/sweeps/wire";
import { formatMonthZh, periodInstants } from "../../../src/shared/time";
import type { Db } from "../../db/client";
import {
  coverageTallies,
  type FigureCounts,
  figuresByCommunity,
  figuresByMonth,
  figuresByOrganisation,
  figureTotals,
  type TargetRecord,
  targetsOverlapping,
} from "../../db/sweeps/figures";

// The staff figures of the sweeps over a period: counts only (volunteers are distinct phone hashes,
// organisations are named only from FIGURES_MIN_PERSONS people on), coverage against the targets and
// the balance figure, all from src/shared/sweeps/balance.ts as the public list uses it.

const communityName = (id: string) => communityById(id)?.name ?? id;
const round2 = (n: number) => Math.round(n * 100) / 100;
const rate = (part: number, whole: number) => (whole > 0 ? round2(part / whole) : null);

function row(key: string, label: string, n: FigureCounts): FiguresRow {
  return {
    key,
    label,
    volunteers: n.volunteers,
    signups: n.signups,
    attended: n.attended,
    noShows: n.noShows,
    hours: round2(n.minutes / 60),
  };
}

const ZERO: FigureCounts = {
  volunteers: 0,
  signups: 0,
  attended: 0,
  noShows: 0,
  minutes: 0,
  cancels: 0,
  lateCancels: 0,
};

/**
 * The largest organisations by volunteers with at least FIGURES_MIN_PERSONS each, then 其他: the
 * others' counts summed (a person in two small organisations counts in each, so its volunteers are
 * an upper bound).
 */
export function organisationRows(rows: ({ key: string } & FigureCounts)[]): FiguresRow[] {
  const sorted = [...rows].sort((a, b) => b.volunteers - a.volunteers || a.key.localeCompare(b.key));
  const named = sorted
    .filter((r) => r.volunteers >= FIGURES_MIN_PERSONS && r.key !== OTHER_ORGANISATIONS)
    .slice(0, FIGURES_TOP_ORGANISATIONS);
  const rest = sorted.filter((r) => !named.includes(r));
  const other = rest.reduce<FigureCounts>(
    (acc, r) => {
      for (const k of Object.keys(acc) as (keyof FigureCounts)[]) acc[k] += r[k];
      return acc;
    },
    { ...ZERO },
  );
  const out = named.map((r) => row(r.key, r.key, r));
  if (rest.length > 0) out.push(row(OTHER_ORGANISATIONS, OTHER_ORGANISATIONS, other));
  return out;
}

/** Every community, in the gazetteer's order, with its coverage (a row even without sweeps). */
export function coverageFigures(coverage: ReadonlyMap<string, Coverage>): CoverageFigure[] {
  return COMMUNITIES.map((c) => {
    const cov = coverage.get(c.id);
    return {
      communityId: c.id,
      communityName: c.name,
      capacity: cov?.capacity ?? 0,
      taken: cov?.taken ?? 0,
      attended: cov?.attended ?? 0,
      hours: round2(cov?.hours ?? 0),
      kind: cov?.kind ?? "places",
      value: round2(cov?.value ?? 0),
      target: cov?.target === null || cov?.target === undefined ? null : round2(cov.target),
      targetSet: cov?.targetSet ?? false,
      ratio: cov?.ratio === null || cov?.ratio === undefined ? null : round2(cov.ratio),
    };
  });
}

/** The balance figure of a coverage: the CV over communities with sweeps or a target. */
function balanceFigure(coverage: ReadonlyMap<string, Coverage>): number | null {
  const cv = balanceOf([...coverage.values()].filter((c) => c.capacity > 0 || c.targetSet));
  return cv === null ? null : round2(cv);
}

/** Coverage and balance alone for the China-time days [from, to]: two reads in one batch. */
export async function sweepCoverage(db: Db, from: string, to: string, now = new Date()): Promise<SweepCoverage> {
  const { start, end } = periodInstants(from, to);
  const [tallies, targetRows] = await db.batch([
    coverageTallies(db, start, end, now.toISOString()),
    targetsOverlapping(db, from, endExclusive(to)),
  ]);
  const coverage = coverageOf(tallies, targetsFor(targetRows, from, endExclusive(to)), now);
  return { from, to, coverage: coverageFigures(coverage), balance: balanceFigure(coverage) };
}

/** The figures of the sweeps starting in the China-time days [from, to]: six reads in one batch. */
export async function sweepFigures(db: Db, from: string, to: string, now = new Date()): Promise<SweepFigures> {
  const { start, end } = periodInstants(from, to);
  const [tallies, targetRows, [totals], byCommunity, byMonth, byOrganisation] = await db.batch([
    coverageTallies(db, start, end, now.toISOString()),
    targetsOverlapping(db, from, endExclusive(to)),
    figureTotals(db, start, end),
    figuresByCommunity(db, start, end),
    figuresByMonth(db, start, end),
    figuresByOrganisation(db, start, end),
  ]);
  const t = totals ?? { ...ZERO, sweeps: 0 };
  const coverage = coverageOf(tallies, targetsFor(targetRows, from, endExclusive(to)), now);
  return {
    from,
    to,
    totals: {
      ...row("total", "合计", t),
      sweeps: t.sweeps,
      lateCancels: t.lateCancels,
      noShowRate: rate(t.noShows, t.attended + t.noShows),
      lateCancelRate: rate(t.lateCancels, t.signups + t.cancels + t.lateCancels),
    },
    byCommunity: byCommunity
      .map((r) => row(r.key, communityName(r.key), r))
      .sort((a, b) => COMMUNITIES.findIndex((c) => c.id === a.key) - COMMUNITIES.findIndex((c) => c.id === b.key)),
    byOrganisation: organisationRows(byOrganisation),
    byMonth: byMonth.map((r) => row(r.key, formatMonthZh(r.key), r)).sort((a, b) => a.key.localeCompare(b.key)),
    coverage: coverageFigures(coverage),
    balance: balanceFigure(coverage),
  };
}

/** Target rows grouped into their periods, as the staff page reads them. */
export function targetPeriods(rows: readonly TargetRecord[]): SweepTargetPeriod[] {
  const periods = new Map<string, SweepTargetPeriod>();
  for (const r of rows) {
    const key = `${r.periodStart}/${r.periodEnd}/${r.kind}`;
    const p = periods.get(key) ?? {
      periodStart: r.periodStart,
      periodEnd: r.periodEnd,
      kind: r.kind,
      targets: [],
      updatedAt: r.updatedAt,
    };
    p.targets.push({ communityId: r.communityId, communityName: communityName(r.communityId), target: r.target });
    if (r.updatedAt > p.updatedAt) p.updatedAt = r.updatedAt;
    periods.set(key, p);
  }
  return [...periods.values()];
}
