import { describe, expect, it } from "vitest";
import { suggestionsFor } from "../../../src/lib/sweeps/suggest";

const at = (hours: number) => new Date(Date.parse("2026-12-05T00:30:00Z") + hours * 3_600_000).toISOString();
const sweep = (id: string, hours: number, more: Partial<Parameters<typeof suggestionsFor>[0]> = {}) => ({
  id,
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
