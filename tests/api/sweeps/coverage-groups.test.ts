import { env } from "cloudflare:workers";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createDb } from "../../../functions/db/client";
import { coverageTallies } from "../../../functions/db/sweeps/figures";
import { COMMUNITIES } from "../../../src/shared/geo";
import { coverageOf, type SweepTally } from "../../../src/shared/sweeps/balance";

// The staff coverage reads its tallies summed per community, over or not by `now`, and length
// (functions/db/sweeps/figures.ts `coverageTallies`), not one row per sweep. Random sweeps around
// `now`: the coverage from those groups must equal the coverage from each sweep's own row.

const HOUR = 3_600_000;
const NOW = Date.parse("2090-06-15T04:00:00.000Z");
const iso = (t: number) => new Date(t).toISOString();

const sweep = fc.record({
  community: fc.integer({ min: 0, max: 3 }),
  // Whole minutes from 20 days before `now` to 20 days after, so some end just before or after it.
  startMinute: fc.integer({ min: -20 * 24 * 60, max: 20 * 24 * 60 }),
  hours: fc.constantFrom(2, 3, 3.5),
  capacity: fc.integer({ min: 1, max: 60 }),
  confirmed: fc.nat(40),
  offered: fc.nat(5),
  held: fc.nat(5),
  attended: fc.nat(40),
  minutes: fc.nat(6000),
});

type SweepRow = typeof sweep extends fc.Arbitrary<infer T> ? T : never;

let seq = 0;
async function insert(rows: SweepRow[]): Promise<void> {
  await env.DB.batch(
    rows.map((r) => {
      const start = NOW + r.startMinute * 60_000;
      return env.DB.prepare(
        `INSERT INTO sweeps (id, title, community_id, starts_at, ends_at, meeting_point, lat, lng, capacity,
          waitlist_limit, min_age, organiser, leader_contact, insurance_ref, state, cancel_cutoff_at, created_at,
          updated_at, confirmed_count, offered_count, held_count, attended_count, attended_minutes)
         VALUES (?, '清扫', ?, ?, ?, '门口', 30.1, 120.1, ?, 0, 16, '中队', '队长', 'INS', 'open', ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).bind(
        `cg${String(++seq).padStart(8, "0")}`,
        COMMUNITIES[r.community]?.id ?? "",
        iso(start),
        iso(start + r.hours * HOUR),
        r.capacity,
        iso(start - 24 * HOUR),
        iso(NOW - 400 * 24 * HOUR),
        iso(NOW - 400 * 24 * HOUR),
        r.confirmed,
        r.offered,
        r.held,
        r.attended,
        r.minutes,
      );
    }),
  );
}

/** Each sweep's own tally, as coverageTallies gave it before it summed them. */
async function perSweep(start: string, end: string, now: string): Promise<SweepTally[]> {
  const { results } = await env.DB.prepare(
    `SELECT community_id AS communityId, capacity, starts_at AS startsAt, ends_at AS endsAt,
       confirmed_count + offered_count + held_count AS taken,
       CASE WHEN ends_at <= ?3 THEN attended_count ELSE 0 END AS attended,
       CASE WHEN ends_at <= ?3 THEN attended_minutes ELSE 0 END AS attendedMinutes
     FROM sweeps WHERE state = 'open' AND starts_at >= ?1 AND starts_at < ?2`,
  )
    .bind(start, end, now)
    .all<SweepTally>();
  return results;
}

describe("the coverage's grouped tallies", () => {
  it("give the same coverage as one tally per sweep", async () => {
    const db = createDb(env.DB);
    const start = iso(NOW - 30 * 24 * HOUR);
    const end = iso(NOW + 30 * 24 * HOUR);
    const now = new Date(NOW);
    await fc.assert(
      fc.asyncProperty(fc.array(sweep, { minLength: 1, maxLength: 30 }), async (rows) => {
        await env.DB.prepare("DELETE FROM sweeps WHERE id LIKE 'cg%'").run();
        await insert(rows);
        const grouped = await coverageTallies(db, start, end, now.toISOString()).all();
        const each = await perSweep(start, end, now.toISOString());
        expect(each).toHaveLength(rows.length);
        // Fewer rows than sweeps whenever two sweeps share a community, a side of `now` and a length.
        expect(grouped.length).toBeLessThanOrEqual(each.length);
        const fromGroups = coverageOf(grouped, new Map(), now);
        const fromEach = coverageOf(each, new Map(), now);
        expect([...fromGroups.keys()].sort()).toEqual([...fromEach.keys()].sort());
        for (const [id, c] of fromEach) {
          const g = fromGroups.get(id);
          expect(g).toBeDefined();
          expect(g?.capacity).toBe(c.capacity);
          expect(g?.taken).toBe(c.taken);
          expect(g?.attended).toBe(c.attended);
          expect(g?.hours).toBeCloseTo(c.hours, 9);
          expect(g?.ratio).toBeCloseTo(c.ratio ?? Number.NaN, 9);
        }
      }),
      { numRuns: 40 },
    );
  });

  it("are one row per community, side of now and length, however many sweeps", async () => {
    const db = createDb(env.DB);
    const rows = Array.from({ length: 50 }, (_, i) => ({
      community: i % 2,
      startMinute: (i < 25 ? -3 : 3) * 24 * 60 + i,
      hours: 3 as const,
      capacity: 10,
      confirmed: 1,
      offered: 0,
      held: 0,
      attended: 1,
      minutes: 180,
    }));
    await env.DB.prepare("DELETE FROM sweeps WHERE id LIKE 'cg%'").run();
    await insert(rows);
    const grouped = await coverageTallies(db, iso(NOW - 10 * 24 * HOUR), iso(NOW + 10 * 24 * HOUR), iso(NOW)).all();
    expect(grouped).toHaveLength(4);
  });
});
