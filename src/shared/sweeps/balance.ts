// Balance over communities: how covered each community is against its target, and one figure for how
// evenly the volunteers are spread (the coefficient of variation of the coverage ratios). Pure, and the
// one implementation: the public list (functions/lib/sweeps/list.ts), the staff figures and the
// balance simulation (scripts/bench/sweeps-balance.ts) all call these. Tests: tests/unit/sweeps/balance.test.ts.
import { addDays, daysBetween } from "../time.ts";
import type { TargetKind } from "./wire.ts";

/** One sweep's counts, as the coverage needs them. Instants are ISO strings. */
export interface SweepTally {
  communityId: string;
  capacity: number;
  startsAt: string;
  endsAt: string;
  /** Sign-ups holding a place (TAKEN_STATUSES). */
  taken: number;
  /** Checked in (attendance = attended), and their recorded minutes. */
  attended: number;
  attendedMinutes: number;
}

/** A staff target row: China-time days, inclusive start, exclusive end. */
export interface TargetRow {
  communityId: string;
  periodStart: string;
  periodEnd: string;
  kind: TargetKind;
  target: number;
}

export interface CommunityTarget {
  kind: TargetKind;
  target: number;
}

export interface Coverage {
  capacity: number;
  taken: number;
  attended: number;
  hours: number;
  kind: TargetKind;
  value: number;
  target: number | null;
  targetSet: boolean;
  ratio: number | null;
}

const HOUR_MS = 3_600_000;

/**
 * The staff targets that apply to the days [from, toExclusive): each overlapping period's target pro
 * rata to the days shared (a monthly target read over two weeks counts about half). A community with
 * periods of both kinds keeps the kind that covers more of the days.
 */
export function targetsFor(
  rows: readonly TargetRow[],
  from: string,
  toExclusive: string,
): Map<string, CommunityTarget> {
  const acc = new Map<string, Record<TargetKind, { target: number; days: number }>>();
  for (const r of rows) {
    const start = r.periodStart > from ? r.periodStart : from;
    const end = r.periodEnd < toExclusive ? r.periodEnd : toExclusive;
    const shared = daysBetween(start, end);
    if (shared <= 0) continue;
    const byKind = acc.get(r.communityId) ?? { places: { target: 0, days: 0 }, hours: { target: 0, days: 0 } };
    byKind[r.kind].target += (r.target * shared) / daysBetween(r.periodStart, r.periodEnd);
    byKind[r.kind].days += shared;
    acc.set(r.communityId, byKind);
  }
  const out = new Map<string, CommunityTarget>();
  for (const [id, k] of acc) {
    const kind: TargetKind = k.hours.days > k.places.days ? "hours" : "places";
    out.set(id, { kind, target: k[kind].target });
  }
  return out;
}

/** The exclusive end day of an inclusive [from, to] period. */
export const endExclusive = (to: string) => addDays(to, 1);

/**
 * Coverage per community at `now`: what counts ÷ its target. A sweep not yet over counts its places
 * taken (an hours target: those places × its scheduled hours); a sweep that is over counts who came
 * (an hours target: their recorded hours). Without a staff target a community is held to its own
 * planned places (so an even plan means equal shares); without sweeps or target it has no ratio.
 */
export function coverageOf(
  sweeps: readonly SweepTally[],
  targets: ReadonlyMap<string, CommunityTarget>,
  now: Date,
): Map<string, Coverage> {
  const out = new Map<string, Coverage>();
  const at = now.toISOString();
  const blank = (id: string): Coverage => {
    const t = targets.get(id);
    return {
      capacity: 0,
      taken: 0,
      attended: 0,
      hours: 0,
      kind: t?.kind ?? "places",
      value: 0,
      target: t?.target ?? null,
      targetSet: t !== undefined,
      ratio: null,
    };
  };
  for (const s of sweeps) {
    const c = out.get(s.communityId) ?? blank(s.communityId);
    c.capacity += s.capacity;
    if (s.endsAt <= at) {
      c.attended += s.attended;
      c.hours += s.attendedMinutes / 60;
    } else {
      c.taken += s.taken;
      c.hours += (s.taken * (Date.parse(s.endsAt) - Date.parse(s.startsAt))) / HOUR_MS;
    }
    out.set(s.communityId, c);
  }
  for (const id of targets.keys()) if (!out.has(id)) out.set(id, blank(id));
  for (const c of out.values()) {
    c.value = c.kind === "hours" ? c.hours : c.taken + c.attended;
    if (!c.targetSet) c.target = c.capacity > 0 ? c.capacity : null;
    c.ratio = c.target ? c.value / c.target : null;
  }
  return out;
}

/** Population standard deviation ÷ mean; 0 when all are equal (all 0 included); null for no values. */
export function coefficientOfVariation(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  if (mean === 0) return 0;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
  const cv = Math.sqrt(variance) / mean;
  // Equal ratios leave a rounding residue (1e-16), which would read as "not quite even".
  return cv < 1e-12 ? 0 : cv;
}

/** The balance figure: the CV of the communities' coverage ratios (those with one). */
export function balanceOf(coverage: Iterable<{ ratio: number | null }>): number | null {
  return coefficientOfVariation([...coverage].flatMap((c) => (c.ratio === null ? [] : [c.ratio])));
}

/** The ratios alone, for the list's "most needed" and the suggestions' order. */
export function ratiosOf(coverage: ReadonlyMap<string, { ratio: number | null }>): Map<string, number> {
  return new Map([...coverage].flatMap(([id, c]) => (c.ratio === null ? [] : [[id, c.ratio] as const])));
}
