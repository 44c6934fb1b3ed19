import { describe, it } from "vitest";
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
});
