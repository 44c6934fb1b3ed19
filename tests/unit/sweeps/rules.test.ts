import { describe, expect, it } from "vitest";
import { ageOn, coverageByCommunity, mostNeeded } from "../../../src/shared/sweeps/rules";

describe("age on the sweep's day from a birth year and month", () => {
  it("counts completed years after the birth month", () => {
    expect(ageOn("2008-03", "2026-04-01")).toBe(18);
    expect(ageOn("2008-03", "2026-02-28")).toBe(17);
  });

  it("takes the birthday as not yet reached within the birth month, so a minor is never counted an adult", () => {
    expect(ageOn("2008-03", "2026-03-31")).toBe(17);
    expect(ageOn("2008-12", "2026-12-31")).toBe(17);
    expect(ageOn("2008-12", "2027-01-01")).toBe(18);
  });

  it("is negative for a month still to come", () => {
    expect(ageOn("2027-01", "2026-12-01")).toBeLessThan(0);
  });
});

describe("coverage of communities", () => {
  const sweeps = [
    { communityId: "a", capacity: 10, confirmed: 5 },
    { communityId: "a", capacity: 10, confirmed: 5 },
    { communityId: "b", capacity: 8, confirmed: 2 },
    { communityId: "c", capacity: 4, confirmed: 4 },
  ];

  it("is confirmed places over the places of the community's sweeps", () => {
    const cov = coverageByCommunity(sweeps);
    expect(cov.get("a")).toEqual({ capacity: 20, confirmed: 10, ratio: 0.5 });
    expect(cov.get("b")?.ratio).toBe(0.25);
    expect(cov.get("c")?.ratio).toBe(1);
    expect(cov.has("d")).toBe(false);
  });

  it("marks the least covered as most needed, ties together, and none when all are equal", () => {
    expect([...mostNeeded(coverageByCommunity(sweeps))]).toEqual(["b"]);
    const tied = coverageByCommunity([...sweeps, { communityId: "d", capacity: 4, confirmed: 1 }]);
    expect([...mostNeeded(tied)].sort()).toEqual(["b", "d"]);
    const even = coverageByCommunity([
      { communityId: "a", capacity: 10, confirmed: 0 },
      { communityId: "b", capacity: 5, confirmed: 0 },
    ]);
    expect(mostNeeded(even).size).toBe(0);
    expect(mostNeeded(new Map()).size).toBe(0);
  });
});
