import { describe, expect, it } from "vitest";
import { legend, perCommunity, shadeOf } from "../../../src/lib/complaints/hotspot-map";

const cell = (communityId: string, categoryId: string, count: number) => ({
  communityId,
  communityName: communityId,
  categoryId,
  categoryName: categoryId,
  count,
});

describe("the hot spots on the district map", () => {
  it("sums each community's cells over the categories: counts per community, no points", () => {
    const totals = perCommunity([cell("liuan", "C0305", 2), cell("hetang", "E0102", 5), cell("liuan", "E0102", 3)]);
    expect([...totals]).toEqual([
      ["liuan", 5],
      ["hetang", 5],
    ]);
  });

  it("shades by the share of the busiest community, none for no cases", () => {
    expect(shadeOf(0, 20)).toBe(0);
    expect(shadeOf(1, 20)).toBe(1);
    expect(shadeOf(5, 20)).toBe(1);
    expect(shadeOf(6, 20)).toBe(2);
    expect(shadeOf(20, 20)).toBe(4);
    expect(shadeOf(3, 0)).toBe(0);
  });

  it("labels each shade with the counts it stands for, leaving out shades no count reaches", () => {
    expect(legend(20)).toEqual([
      { shade: 1, label: "1–5 件" },
      { shade: 2, label: "6–10 件" },
      { shade: 3, label: "11–15 件" },
      { shade: 4, label: "16–20 件" },
    ]);
    expect(legend(2)).toEqual([
      { shade: 2, label: "1 件" },
      { shade: 4, label: "2 件" },
    ]);
    for (let max = 1; max < 40; max++) {
      for (let n = 1; n <= max; n++) {
        const row = legend(max).find((r) => r.shade === shadeOf(n, max));
        const [low, high = low] = (row?.label.match(/\d+/g) ?? []).map(Number);
        expect(n).toBeGreaterThanOrEqual(low ?? Number.NaN);
        expect(n).toBeLessThanOrEqual(high ?? Number.NaN);
      }
    }
  });
});
