import { describe, it } from "vitest";
import {
  coverageTallies,
  figuresByCommunity,
  figuresByMonth,
  figuresByOrganisation,
  figureTotals,
  targetsOverlapping,
} from "../../../functions/db/sweeps/figures";
import {
  findSweepIdempotency,
  messagesOf,
  openSweepsBetween,
  rosterOf,
  signupByManageHash,
  sweepById,
} from "../../../functions/db/sweeps/index";
import { db, expectIndexed, plan } from "../query-plan";

describe("the sweeps queries use indexes", () => {
  it("the public list, with each sweep's counts", async () => {
    expectIndexed(await plan(openSweepsBetween(db, "2026-12-01T00:00:00Z", "2026-12-29T00:00:00Z")));
    expectIndexed(await plan(sweepById(db, "abcdefghij")));
  });

  it("the manage link, its messages and a retried sign-up", async () => {
    expectIndexed(await plan(signupByManageHash(db, "x")));
    expectIndexed(await plan(messagesOf(db, 1)));
    expectIndexed(await plan(findSweepIdempotency(db, "x")));
  });

  it("a sweep's roster", async () => {
    expectIndexed(await plan(rosterOf(db, "abcdefghij")));
  });

  it("coverage over a period, with the communities' targets", async () => {
    const [start, end] = ["2026-11-30T16:00:00.000Z", "2026-12-31T16:00:00.000Z"];
    expectIndexed(await plan(coverageTallies(db, start, end, "2026-12-15T00:00:00.000Z")));
    expectIndexed(await plan(targetsOverlapping(db, "2026-12-01", "2027-01-01")));
  });

  it("the staff figures: totals, by community, month and organisation", async () => {
    const [start, end] = ["2025-12-31T16:00:00.000Z", "2026-12-31T16:00:00.000Z"];
    for (const q of [figureTotals, figuresByCommunity, figuresByMonth, figuresByOrganisation]) {
      expectIndexed(await plan(q(db, start, end)));
    }
  });
});
