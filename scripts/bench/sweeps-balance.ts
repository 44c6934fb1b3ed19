// `npm run bench -- sweeps`: the balance simulation. Students with skewed preferences sign up, one by
// one, to a season of sweeps in all communities: once plain first-come, once with the suggestions the
// sweep page shows. Both runs use the Worker's and the page's own pure functions (coverage, "most
// needed", whether and what to suggest, the balance figure), so the figures are the product's, not a
// model's. Seeded: the same seed gives the same figures. tests/unit/sweeps/simulation.test.ts runs a
// smaller season.

import { ratiosOfList, shouldSuggest, suggestionsFor } from "../../src/lib/sweeps/suggest.ts";
import { COMMUNITIES } from "../../src/shared/geo.ts";
import { balanceOf, coverageOf, ratiosOf } from "../../src/shared/sweeps/balance.ts";
import { atChinaTime, mostNeeded } from "../../src/shared/sweeps/rules.ts";
import type { PublicSweep } from "../../src/shared/sweeps/wire.ts";
import { addDays } from "../../src/shared/time.ts";

export interface SimulationOptions {
  students: number;
  /** Probability that a student shown suggestions takes the first one. */
  p: number;
  seed: number;
  weeks: number;
  /** Places in the season per student (capacity is spread evenly over every sweep). */
  placesPerStudent: number;
}

export const SIMULATION_DEFAULTS: SimulationOptions = {
  students: 5000,
  p: 0.5,
  seed: 20261201,
  weeks: 4,
  placesPerStudent: 1.15,
};

/**
 * The stated preferences. Each student ranks the communities by weight (drawn without replacement):
 * the three popular ones weigh POPULAR_WEIGHT each, the other nine 1, so 30 of 39 (77 %) put a popular
 * one first; a student would go to their first ACCEPTABLE communities only. Each is free in two of
 * the season's slots (a preferred one and one other, at random) and arrives in random order.
 */
export const PREFERENCES = { popular: 3, popularWeight: 10, acceptable: 3, freeSlots: 2 } as const;

/** Every weekend morning: Saturday and Sunday 08:30–11:00, China time. */
const SLOT_TIMES = ["08:30", "11:00"] as const;
const SEASON_START = "2027-03-06"; // a Saturday

/** mulberry32: a small seeded PRNG, enough for a reproducible simulation. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A community's meeting point: the mean of its boundary's corners (a public place in the middle). */
function meetingPoint(rings: [number, number][][]): { lat: number; lng: number } {
  const pts = rings[0] ?? [];
  return {
    lng: pts.reduce((s, p) => s + p[0], 0) / Math.max(1, pts.length),
    lat: pts.reduce((s, p) => s + p[1], 0) / Math.max(1, pts.length),
  };
}

type SimSweep = PublicSweep & { slot: number };

function season(o: SimulationOptions): SimSweep[] {
  const slots: string[] = [];
  for (let w = 0; w < o.weeks; w++)
    for (const d of [0, 1]) slots.push(atChinaTime(addDays(SEASON_START, w * 7 + d), SLOT_TIMES[0]));
  const capacity = Math.ceil((o.students * o.placesPerStudent) / (slots.length * COMMUNITIES.length));
  return COMMUNITIES.flatMap((c) =>
    slots.map((startsAt, slot) => ({
      ...meetingPoint(c.rings),
      id: `${c.id}-${slot}`,
      slot,
      title: "周末志愿清扫",
      communityId: c.id,
      communityName: c.name,
      startsAt,
      endsAt: new Date(Date.parse(startsAt) + 2.5 * 3_600_000).toISOString(),
      meetingPoint: `${c.name}社区工作站`,
      capacity,
      placesTaken: 0,
      placesLeft: capacity,
      waitlistLimit: 0,
      waitlisted: 0,
      waitlistOpen: true,
      minAge: 14,
      guardianPresentBelow: null,
      minorsWelcome: true,
      organiser: "青溪区团委",
      leaderContact: "",
      whatToBring: "",
      insuranceRef: "SIM",
      cancelCutoffAt: startsAt,
      state: "open" as const,
      version: 1,
      mostNeeded: false,
    })),
  );
}

interface Student {
  /** Sweep ids in the student's order of preference. */
  wants: string[];
}

function students(o: SimulationOptions, rand: () => number, slotCount: number): Student[] {
  const ids = COMMUNITIES.map((c) => c.id);
  const weight = (i: number) => (i < PREFERENCES.popular ? PREFERENCES.popularWeight : 1);
  return Array.from({ length: o.students }, () => {
    const left = ids.map((id, i) => ({ id, w: weight(i) }));
    const ranked: string[] = [];
    while (ranked.length < PREFERENCES.acceptable) {
      const r = rand() * left.reduce((s, x) => s + x.w, 0);
      let i = 0;
      for (let acc = left[0]?.w ?? 0; acc <= r && i < left.length - 1; acc += left[i]?.w ?? 0) i += 1;
      ranked.push((left.splice(i, 1)[0] as { id: string }).id);
    }
    const first = Math.floor(rand() * slotCount);
    const other = (first + 1 + Math.floor(rand() * (slotCount - 1))) % slotCount;
    return { wants: ranked.flatMap((c) => [`${c}-${first}`, `${c}-${other}`]) };
  });
}

export interface RunResult {
  placed: number;
  /** Coefficient of variation of the communities' coverage ratios at the end (balanceOf). */
  cv: number;
  /** Students who took a suggestion. */
  tookSuggestion: number;
  ratios: Record<string, number>;
}

const BEFORE_SEASON = new Date(`${SEASON_START}T00:00:00+08:00`);

/** The list's view of the season now: coverage and "most needed" as GET /api/sweeps computes them. */
function listState(sweeps: SimSweep[]) {
  const coverage = coverageOf(
    sweeps.map((s) => ({ ...s, taken: s.placesTaken, attended: 0, attendedMinutes: 0 })),
    new Map(),
    BEFORE_SEASON,
  );
  const needed = mostNeeded(new Map([...ratiosOf(coverage)].map(([id, ratio]) => [id, { ratio }])));
  for (const s of sweeps) s.mostNeeded = needed.has(s.communityId);
  const rows = [...coverage].map(([communityId, c]) => ({ communityId, ratio: c.ratio }));
  return { coverage, ratios: ratiosOfList(rows) };
}

function run(o: SimulationOptions, withSuggestions: boolean): RunResult {
  // The same seed for both runs: the same students arrive in the same order with the same wishes.
  const rand = prng(o.seed);
  const sweeps = season(o);
  const byId = new Map(sweeps.map((s) => [s.id, s]));
  const people = students(o, rand, sweeps.length / COMMUNITIES.length);
  const take = (s: SimSweep) => {
    s.placesTaken += 1;
    s.placesLeft -= 1;
  };
  let placed = 0;
  let tookSuggestion = 0;
  for (const st of people) {
    const wanted = st.wants.map((id) => byId.get(id) as SimSweep);
    // One coin per sweep the student opens, drawn in both runs, so the runs stay in step.
    const coins = wanted.map(() => rand());
    let got: SimSweep | undefined;
    for (const [i, pick] of wanted.entries()) {
      // The student opens their next wish; with suggestions, a full or well-covered one shows them.
      if (withSuggestions) {
        const { ratios } = listState(sweeps);
        const offered = shouldSuggest(pick, ratios) ? suggestionsFor(pick, sweeps, { coverage: ratios }) : [];
        if (offered[0] && (coins[i] ?? 1) < o.p) {
          got = offered[0];
          tookSuggestion += 1;
          break;
        }
      }
      if (pick.placesLeft > 0) {
        got = pick;
        break;
      }
    }
    if (got) {
      take(got);
      placed += 1;
    }
  }
  const { coverage } = listState(sweeps);
  return {
    placed,
    cv: balanceOf(coverage.values()) ?? 0,
    tookSuggestion,
    ratios: Object.fromEntries([...coverage].map(([id, c]) => [id, Math.round((c.ratio ?? 0) * 1000) / 1000])),
  };
}

export interface SimulationResult {
  options: SimulationOptions;
  sweeps: number;
  places: number;
  plain: RunResult;
  suggest: RunResult;
  /** CV with suggestions ≤ half of plain, and no fewer students placed. */
  pass: boolean;
}

export function simulateBalance(over: Partial<SimulationOptions> = {}): SimulationResult {
  const options = { ...SIMULATION_DEFAULTS, ...over };
  const sweeps = season(options);
  const plain = run(options, false);
  const suggest = run(options, true);
  return {
    options,
    sweeps: sweeps.length,
    places: sweeps.reduce((n, s) => n + s.capacity, 0),
    plain,
    suggest,
    pass: suggest.cv <= 0.5 * plain.cv && suggest.placed >= plain.placed,
  };
}

export function printSimulation(r: SimulationResult): void {
  const o = r.options;
  const popular = COMMUNITIES.slice(0, PREFERENCES.popular).map((c) => c.name);
  console.log(`\nBalance over communities: ${o.students.toLocaleString("en")} students, ${r.sweeps} sweeps`);
  console.log(
    `(${o.weeks} weeks × ${COMMUNITIES.length} communities × Sat and Sun mornings, ${r.places.toLocaleString("en")} places; seed ${o.seed})`,
  );
  console.log(
    `Preferences: the ${PREFERENCES.popular} popular communities (${popular.join("、")}) weigh ${PREFERENCES.popularWeight}, the others 1:`,
  );
  console.log(
    `77 % rank a popular one first; each student goes only to their first ${PREFERENCES.acceptable} communities, in ${PREFERENCES.freeSlots} free slots.`,
  );
  console.log(`With suggestions, a student shown them takes the first with p = ${o.p}.\n`);
  console.log("| run | students placed | CV of coverage | took a suggestion |");
  console.log("|---|---:|---:|---:|");
  for (const [name, x] of [
    ["plain first-come", r.plain],
    ["with suggestions", r.suggest],
  ] as const) {
    console.log(`| ${name} | ${x.placed.toLocaleString("en")} | ${x.cv.toFixed(3)} | ${x.tookSuggestion} |`);
  }
  console.log(
    `\nCV with suggestions ÷ plain = ${(r.suggest.cv / r.plain.cv).toFixed(2)} (must be ≤ 0.50); placed ${r.suggest.placed} ≥ ${r.plain.placed}: ${r.pass ? "PASS" : "FAIL"}`,
  );
}
