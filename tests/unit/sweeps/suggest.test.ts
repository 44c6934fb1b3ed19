import { describe, expect, it } from "vitest";
import { ratiosOfList, shouldSuggest, suggestionsFor } from "../../../src/lib/sweeps/suggest";

const at = (hours: number) => new Date(Date.parse("2026-12-05T00:30:00Z") + hours * 3_600_000).toISOString();
const sweep = (id: string, hours: number, more: Partial<Parameters<typeof suggestionsFor>[0]> = {}) => ({
  id,
  communityId: `c-${id}`,
  startsAt: at(hours),
  lat: 30.28,
  lng: 120.19,
  placesLeft: 5,
  mostNeeded: false,
  state: "open" as const,
  ...more,
});

describe("suggestions for a full sweep", () => {
  const full = sweep("full", 0, { placesLeft: 0 });

  it("offers only open sweeps with places left, at a similar time, never the full one itself", () => {
    const list = [
      full,
      sweep("none-left", 1, { placesLeft: 0 }),
      sweep("cancelled", 1, { state: "cancelled" as never }),
      sweep("next-month", 24 * 30),
      sweep("ok", 2),
    ];
    expect(suggestionsFor(full, list).map((s) => s.id)).toEqual(["ok"]);
  });

  it("puts the communities that most need volunteers first, then the nearest in time and place", () => {
    const list = [
      sweep("same-time-far", 0, { lat: 30.38 }),
      sweep("same-time-near", 0, { lat: 30.281 }),
      sweep("next-day", 24),
      sweep("needed-two-days-on", 48, { mostNeeded: true }),
    ];
    expect(suggestionsFor(full, list, 4).map((s) => s.id)).toEqual([
      "needed-two-days-on",
      "same-time-near",
      "next-day",
      "same-time-far",
    ]);
    expect(suggestionsFor(full, list)).toHaveLength(3);
  });
});

describe("suggestions with the list's coverage", () => {
  const picked = sweep("picked", 0, { communityId: "busy" });
  const coverage = ratiosOfList([
    { communityId: "busy", ratio: 0.8 },
    { communityId: "mid", ratio: 0.7 },
    { communityId: "low", ratio: 0.2 },
    { communityId: "lower", ratio: 0.15 },
    { communityId: "none", ratio: null },
  ]);

  it("are shown for a full sweep, or one whose community is well covered beside the least covered", () => {
    expect(shouldSuggest({ communityId: "busy", placesLeft: 0 })).toBe(true);
    expect(shouldSuggest({ communityId: "busy", placesLeft: 3 })).toBe(false);
    expect(shouldSuggest({ communityId: "busy", placesLeft: 3 }, coverage)).toBe(true);
    expect(shouldSuggest({ communityId: "lower", placesLeft: 3 }, coverage)).toBe(false);
    expect(shouldSuggest({ communityId: "none", placesLeft: 3 }, coverage)).toBe(false);
  });

  it("offer the least-covered communities first (in steps), then the same morning before another day, then the nearest", () => {
    const list = [
      sweep("mid-now", 0, { communityId: "mid" }),
      sweep("low-next-day", 24, { communityId: "low" }),
      sweep("low-two-hours-later-far", 2, { communityId: "low", lat: 30.3 }),
      sweep("low-now-near", 0, { communityId: "low", lat: 30.281 }),
      sweep("lower-now", 1, { communityId: "lower" }),
    ];
    // A well-covered pick with places: only communities that help the balance (not "mid").
    expect(suggestionsFor(picked, list, { coverage, limit: 5 }).map((s) => s.id)).toEqual([
      "lower-now",
      "low-now-near",
      "low-two-hours-later-far",
      "low-next-day",
    ]);
    // A full pick: every sweep with places may help the person, the least covered still first.
    const full = { ...picked, placesLeft: 0 };
    expect(
      suggestionsFor(full, list, { coverage, limit: 5 })
        .map((s) => s.id)
        .at(-1),
    ).toBe("mid-now");
  });
});
