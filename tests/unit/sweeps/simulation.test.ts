import { describe, expect, it } from "vitest";
import { PREFERENCES, prng, simulateBalance } from "../../../scripts/bench/sweeps-balance";

describe("the balance simulation (a smaller season than `npm run bench -- sweeps`)", () => {
  const r = simulateBalance({ students: 1000 });

  it("with suggestions at least halves plain first-come's CV of coverage, and places no fewer students", () => {
    expect(r.plain.cv).toBeGreaterThan(0.1);
    expect(r.suggest.cv).toBeLessThanOrEqual(0.5 * r.plain.cv);
    expect(r.suggest.placed).toBeGreaterThanOrEqual(r.plain.placed);
    expect(r.suggest.tookSuggestion).toBeGreaterThan(0);
    expect(r.pass).toBe(true);
  });

  it("is skewed as stated: plain first-come fills the popular communities and leaves the others behind", () => {
    const ratios = Object.values(r.plain.ratios);
    const popular = ratios.slice(0, PREFERENCES.popular);
    const others = ratios.slice(PREFERENCES.popular);
    expect(Math.min(...popular)).toBeGreaterThan(Math.max(...others));
  });

  it("is reproducible: the same seed gives the same figures, another seed others", () => {
    expect(simulateBalance({ students: 1000 })).toEqual(r);
    expect(simulateBalance({ students: 1000, seed: 7 }).plain.placed).not.toBe(r.plain.placed);
    const a = prng(1);
    const b = prng(1);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
  });
});
