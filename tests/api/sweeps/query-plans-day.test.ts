import { describe, expect, it } from "vitest";
import { type Statement, toQuery } from "../../../functions/db/batch";
import { consentBatch, releaseHoldsStatements, signupByGuardianHash } from "../../../functions/db/sweeps/consent";
import {
  approveHoursBatch,
  checkIn,
  checkOut,
  dayRosterOf,
  daySignup,
  noShowsSince,
  sweepIdByLeaderHash,
} from "../../../functions/db/sweeps/day";
import { groupByHash, groupMessagesOf, membersOf } from "../../../functions/db/sweeps/groups";
import { cancelBatch, expireOffersBatch, signupBatch } from "../../../functions/db/sweeps/signups";
import { db, expectIndexed, plan } from "../query-plan";

// EXPLAIN QUERY PLAN for what the sub-features read and write by a secret or a sweep (the guardian's
// consent, a group's link, the leader's page and the hours), the cron's holds and offers, and the
// sign-up and cancellation decided inside their statements. The list, roster, coverage, figures,
// certificates and outbox have their own files (query-plans, certificates, outbox-plans).

const NOW = "2026-12-01T00:00:00.000Z";
const SWEEP = "abcdefghij";
const planOf = (s: Statement) => plan({ toSQL: () => toQuery(s) });

/** Every table searched through an index; a co-routine's own rows (a window's result) are read in turn. */
function indexed(steps: string[]) {
  expectIndexed(steps.filter((s) => !/^SCAN \(subquery-\d+\)$/.test(s)));
  return steps.join(" | ");
}

describe("the sweeps' sub-features and the cron use indexes", () => {
  it("the guardian's consent: the sign-up by the guardian's secret, and the consent itself", async () => {
    expect(indexed(await plan(signupByGuardianHash(db, "x")))).toContain("sweep_signups_guardianHash_unique");
    for (const s of consentBatch("x", NOW)) expect(indexed(await planOf(s))).toContain("guardianHash_unique");
  });

  it("a group's link: the group by its secret, its members, its contact's messages", async () => {
    expect(indexed(await plan(groupByHash(db, "x")))).toContain("sweep_groups_manageHash_unique");
    expect(indexed(await plan(membersOf(db, 1)))).toContain("sweep_signups_group_idx");
    indexed(await plan(groupMessagesOf(db, 1)));
  });

  it("the leader's page: the sweep by the leader's secret, the roll, one person, check-in and check-out", async () => {
    expect(indexed(await plan(sweepIdByLeaderHash(db, "x")))).toContain("sweeps_leaderHash_unique");
    expect(indexed(await plan(dayRosterOf(db, SWEEP)))).toContain("sweep_signups_status_idx");
    indexed(await plan(daySignup(db, SWEEP, 1)));
    expect(indexed(await planOf(checkIn(SWEEP, 1, NOW)))).toContain("INTEGER PRIMARY KEY");
    expect(indexed(await planOf(checkOut(SWEEP, 1, NOW, 60, NOW)))).toContain("INTEGER PRIMARY KEY");
  });

  it("the hours' approval and the no-show rule's count at sign-up", async () => {
    for (const s of approveHoursBatch(SWEEP, 1, NOW)) indexed(await planOf(s));
    expect(indexed(await plan(noShowsSince(db, "k", NOW)))).toContain("sweep_signups_person_idx");
  });

  it("the cron finds lapsed holds and offers through their partial indexes, and offers free places sweep by sweep", async () => {
    const [heldMessages, released] = releaseHoldsStatements(NOW);
    expect(indexed(await planOf(heldMessages as Statement))).toContain("sweep_signups_held_idx");
    expect(indexed(await planOf(released as Statement))).toContain("sweep_signups_held_idx");
    const [expiredMessages, expired, offerMessages, offered] = expireOffersBatch(NOW, NOW);
    expect(indexed(await planOf(expiredMessages as Statement))).toContain("sweep_signups_offered_idx");
    expect(indexed(await planOf(expired as Statement))).toContain("sweep_signups_offered_idx");
    // Only open sweeps not yet begun, and in each only its waiting people.
    for (const s of [offerMessages, offered] as Statement[]) {
      const steps = indexed(await planOf(s));
      expect(steps).toContain("sweeps_state_starts_idx");
      expect(steps).toContain("sweep_signups_status_idx");
    }
  });

  it("a sign-up and a cancellation decide inside their statements through indexes", async () => {
    const signup = signupBatch(db, {
      sweepId: SWEEP,
      manageHash: "x",
      personKey: "k",
      name: "王小明",
      phone: "13900000000",
      organisation: "青溪大学",
      birthMonth: "2000-05",
      volunteerNumber: null,
      minor: null,
      now: NOW,
      idempotency: { keyHash: "k", requestHash: "r", replayCipher: "c", createdAt: NOW },
      decidedOn: {
        sweep: { version: 1, state: "open", startsAt: NOW, minAge: 14, guardianPresentBelow: null },
        noShows: { since: NOW, limit: 3 },
      },
    });
    // Inserting a sign-up (a parent row) lists its foreign-key children in the plan; SQLite searches
    // them only while a deferred violation is pending (OP_FkIfZero), never in a statement that runs
    // whole, and the idempotency keys have no index by sign-up (see outbox-plans.test.ts).
    for (const s of signup) {
      indexed((await planOf(s)).filter((step) => step !== "SCAN sweep_idempotency_keys"));
    }
    for (const s of cancelBatch("x", NOW, NOW)) indexed(await planOf(s));
  });
});
