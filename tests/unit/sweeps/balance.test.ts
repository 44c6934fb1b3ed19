import { describe, expect, it } from "vitest";
import {
  balanceOf,
  coefficientOfVariation,
  coverageOf,
  type SweepTally,
  targetsFor,
} from "../../../src/shared/sweeps/balance";

const NOW = new Date("2026-12-10T00:00:00Z");
const sweep = (communityId: string, over: Partial<SweepTally> = {}): SweepTally => ({
  communityId,
  capacity: 10,
  // Upcoming by default: 3 hours on 2026-12-12.
  startsAt: "2026-12-12T00:30:00.000Z",
  endsAt: "2026-12-12T03:30:00.000Z",
  taken: 0,
  attended: 0,
  attendedMinutes: 0,
  ...over,
});
const past = { startsAt: "2026-12-05T00:30:00.000Z", endsAt: "2026-12-05T03:30:00.000Z" };

describe("coverage of a community", () => {
  it("without a target is places taken over its own planned places (today's capacity ratio)", () => {
    const cov = coverageOf(
      [sweep("a", { taken: 5 }), sweep("a", { taken: 3 }), sweep("b", { taken: 2 })],
      new Map(),
      NOW,
    );
    expect(cov.get("a")).toMatchObject({ capacity: 20, taken: 8, target: 20, targetSet: false, ratio: 0.4 });
    expect(cov.get("b")?.ratio).toBe(0.2);
    expect(cov.has("c")).toBe(false);
  });

  it("counts who came for a sweep that is over, and places taken for one that is not", () => {
    const cov = coverageOf(
      [sweep("a", { ...past, taken: 10, attended: 6, attendedMinutes: 6 * 150 }), sweep("a", { taken: 4 })],
      new Map(),
      NOW,
    );
    expect(cov.get("a")).toMatchObject({ taken: 4, attended: 6, value: 10, ratio: 0.5 });
    // Hours: 15 attended (past) + 4 places × 3 scheduled hours (upcoming).
    expect(cov.get("a")?.hours).toBe(27);
  });

  it("against a staff target of places or hours, and a community with a target but no sweep has 0", () => {
    const targets = new Map([
      ["a", { kind: "places" as const, target: 4 }],
      ["b", { kind: "hours" as const, target: 12 }],
      ["c", { kind: "places" as const, target: 5 }],
    ]);
    const cov = coverageOf([sweep("a", { taken: 2 }), sweep("b", { taken: 2 })], targets, NOW);
    expect(cov.get("a")).toMatchObject({ target: 4, targetSet: true, ratio: 0.5 });
    expect(cov.get("b")).toMatchObject({ kind: "hours", value: 6, ratio: 0.5 });
    expect(cov.get("c")).toMatchObject({ capacity: 0, ratio: 0, targetSet: true });
  });
});

describe("targets for a period", () => {
  const row = (communityId: string, periodStart: string, periodEnd: string, target: number, kind = "places") => ({
    communityId,
    periodStart,
    periodEnd,
    kind: kind as "places" | "hours",
    target,
  });

  it("count pro rata to the days a period shares with the days shown, summed over periods", () => {
    const rows = [
      row("a", "2026-12-01", "2026-12-31", 300),
      row("a", "2026-12-31", "2027-01-30", 600),
      row("b", "2026-11-01", "2026-11-30", 99),
    ];
    const t = targetsFor(rows, "2026-12-21", "2027-01-05");
    // 10 of December's 30 days (100) and 5 of the next period's 30 (100).
    expect(t.get("a")).toEqual({ kind: "places", target: 200 });
    expect(t.has("b")).toBe(false);
  });

  it("keep the kind that covers more of the days when a community has both", () => {
    const t = targetsFor(
      [row("a", "2026-12-01", "2026-12-04", 30, "places"), row("a", "2026-12-04", "2026-12-11", 70, "hours")],
      "2026-12-01",
      "2026-12-11",
    );
    expect(t.get("a")).toEqual({ kind: "hours", target: 70 });
  });
});

describe("the balance figure", () => {
  it("is the population standard deviation over the mean", () => {
    expect(coefficientOfVariation([0.5, 0.3])).toBeCloseTo(0.25, 10);
    expect(coefficientOfVariation([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(2 / 5, 10);
  });

  it("is 0 when all are equal (all empty too) and null without values", () => {
    expect(coefficientOfVariation([0.4, 0.4, 0.4])).toBe(0);
    expect(coefficientOfVariation([0, 0])).toBe(0);
    expect(coefficientOfVariation([])).toBeNull();
  });

  it("leaves out the communities without a ratio", () => {
    expect(balanceOf([{ ratio: 0.5 }, { ratio: null }, { ratio: 0.3 }])).toBeCloseTo(0.25, 10);
    expect(balanceOf([{ ratio: null }])).toBeNull();
  });
});
