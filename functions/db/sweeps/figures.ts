import { and, asc, eq, gt, gte, inArray, lt, lte, type Placeholder, type SQL, sql } from "drizzle-orm";
import { COMMUNITIES } from "../../../src/shared/geo";
import type { Statement } from "../batch";
import type { Db } from "../client";
import { prepared } from "../prepared";
import { sweepSignups, sweeps, sweepTargets } from "../schema";

// Reads and writes of the balance over communities: staff targets, each sweep's tally for coverage,
// and the staff figures (counts only: no query here selects a name or a phone). Drizzle builders, so
// tests/api/sweeps/query-plans.test.ts reads their plans.

export type TargetRecord = typeof sweepTargets.$inferSelect;

/**
 * Every community, named so the (community_id, period_start, period_end) index serves the period
 * queries below (one short range per community instead of a scan of every period ever set).
 */
const ANY_COMMUNITY = inArray(
  sweepTargets.communityId,
  COMMUNITIES.map((c) => c.id),
);

/** Target rows whose period overlaps the days [from, toExclusive). */
export function targetsOverlapping(db: Db, from: string | Placeholder, toExclusive: string | Placeholder) {
  return db
    .select()
    .from(sweepTargets)
    .where(and(ANY_COMMUNITY, lt(sweepTargets.periodStart, toExclusive), gt(sweepTargets.periodEnd, from)))
    .orderBy(asc(sweepTargets.periodStart), asc(sweepTargets.communityId));
}

/** `targetsOverlapping` compiled once, for the public list: `.all({ from, to })`. */
export const targetsIn = prepared((db) => targetsOverlapping(db, sql.placeholder("from"), sql.placeholder("to")));

/** A period's targets replaced: the old rows of exactly that period go, the new ones come (one batch). */
export function replaceTargets(
  db: Db,
  period: { periodStart: string; periodEnd: string },
  rows: (typeof sweepTargets.$inferInsert)[],
): Statement[] {
  return [
    db
      .delete(sweepTargets)
      .where(
        and(
          ANY_COMMUNITY,
          eq(sweepTargets.periodStart, period.periodStart),
          eq(sweepTargets.periodEnd, period.periodEnd),
        ),
      ),
    ...rows.map((r) => db.insert(sweepTargets).values(r)),
  ];
}

const TAKEN = sql.raw(`('confirmed', 'offered', 'pending_consent', 'reserved')`);
const c = sweepSignups;

/** Open sweeps starting in [start, end): the only sweeps that count (drafts have no sign-ups; cancelled ones did not happen). */
const inPeriod = (start: string, end: string) =>
  and(eq(sweeps.state, "open"), gte(sweeps.startsAt, start), lt(sweeps.startsAt, end));

/**
 * The sweeps' tallies for coverage (places, places taken, and for a sweep over by `now` who attended
 * and their minutes, from the tallies the triggers keep on the row, migrations/0022), summed per
 * community, side of `now` and length. `coverageOf` adds these up linearly, so a group stands for its
 * sweeps as one tally: they are all over or all to come, and of one length, so the group's earliest
 * start and end say both. A year of 5,000 sweeps comes back as a few dozen rows, not 5,000
 * (tests/api/sweeps/coverage-groups.test.ts checks the coverage is the same).
 */
export function coverageTallies(db: Db, start: string, end: string, now: string) {
  const over = lte(sweeps.endsAt, now);
  const length = sql`unixepoch(${sweeps.endsAt}) - unixepoch(${sweeps.startsAt})`;
  return db
    .select({
      communityId: sweeps.communityId,
      capacity: sql<number>`sum(${sweeps.capacity})`,
      startsAt: sql<string>`min(${sweeps.startsAt})`,
      endsAt: sql<string>`min(${sweeps.endsAt})`,
      taken: sql<number>`sum(${sweeps.confirmedCount} + ${sweeps.offeredCount} + ${sweeps.heldCount})`,
      attended: sql<number>`sum(CASE WHEN ${over} THEN ${sweeps.attendedCount} ELSE 0 END)`,
      attendedMinutes: sql<number>`sum(CASE WHEN ${over} THEN ${sweeps.attendedMinutes} ELSE 0 END)`,
    })
    .from(sweeps)
    .where(inPeriod(start, end))
    .groupBy(sweeps.communityId, over, length);
}

/** The counts of one figures row; `volunteers` are distinct persons (phone hashes), never names. */
const figureColumns = {
  volunteers: sql<number>`count(DISTINCT CASE WHEN ${c.status} IN ${TAKEN} THEN ${c.personKey} END)`,
  signups: sql<number>`count(CASE WHEN ${c.status} IN ${TAKEN} THEN 1 END)`,
  attended: sql<number>`count(CASE WHEN ${c.attendance} = 'attended' THEN 1 END)`,
  noShows: sql<number>`count(CASE WHEN ${c.attendance} = 'no_show' THEN 1 END)`,
  minutes: sql<number>`coalesce(sum(CASE WHEN ${c.attendance} = 'attended' THEN ${c.minutes} END), 0)`,
  cancels: sql<number>`count(CASE WHEN ${c.status} = 'cancelled' THEN 1 END)`,
  lateCancels: sql<number>`count(CASE WHEN ${c.status} = 'late_cancelled' THEN 1 END)`,
};

/** The sweep's China-time month ("YYYY-MM"): instants are stored in UTC. */
const chinaMonthOf = sql<string>`substr(datetime(${sweeps.startsAt}, '+8 hours'), 1, 7)`;

function figuresBy(db: Db, start: string, end: string, key: SQL<string> | typeof sweeps.communityId) {
  return db
    .select({ key: sql<string>`${key}`, ...figureColumns })
    .from(sweeps)
    .innerJoin(c, eq(c.sweepId, sweeps.id))
    .where(inPeriod(start, end))
    .groupBy(key);
}

/** The period's totals (one row), and the number of open sweeps in it. */
export function figureTotals(db: Db, start: string, end: string) {
  return db
    .select({
      sweeps: sql<number>`count(DISTINCT ${sweeps.id})`,
      ...figureColumns,
    })
    .from(sweeps)
    .leftJoin(c, eq(c.sweepId, sweeps.id))
    .where(inPeriod(start, end));
}

export const figuresByCommunity = (db: Db, start: string, end: string) => figuresBy(db, start, end, sweeps.communityId);

export const figuresByMonth = (db: Db, start: string, end: string) => figuresBy(db, start, end, chinaMonthOf);

/** By organisation as typed (the Worker keeps the largest and sums the rest as 其他). */
export const figuresByOrganisation = (db: Db, start: string, end: string) =>
  figuresBy(db, start, end, sql<string>`${c.organisation}`);

export type FigureCounts = {
  volunteers: number;
  signups: number;
  attended: number;
  noShows: number;
  minutes: number;
  cancels: number;
  lateCancels: number;
};
