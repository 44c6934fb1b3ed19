import { describe, expect, it } from "vitest";
import { project, unproject } from "../../../src/lib/complaints/district-map";
import { districtMap } from "../../../src/lib/complaints/district-map-data";
import { type Draft, newDraft, pickOnMap, toInput } from "../../../src/lib/complaints/draft";
import { filingData } from "../../../src/lib/complaints/filing-data-build";
import { distanceMetres } from "../../../src/shared/geo";

const data = filingData();

const map = districtMap();

function draft(over: Partial<Draft> = {}): Draft {
  return { ...newDraft("key-12345678"), ...over };
}

describe("choosing the place by a tap on the district map", () => {
  it("sets the point, marks it as chosen on the map and sets the community the point falls in", () => {
    const tapped = { lat: 30.2812345678, lng: 120.1914567891 };
    const change = pickOnMap(data, tapped);
    expect(change).toEqual({
      point: { lat: 30.28123, lng: 120.19146 },
      pointSource: "map",
      communityId: "jingui",
    });
    // Rounded to about a metre: a tap is never finer than that, and the stored point stays near it.
    expect(distanceMetres(change?.point ?? { lat: 0, lng: 0 }, tapped)).toBeLessThan(1.5);
  });

  it("sends the tapped point to the API, which resolves the community from it", () => {
    const d = draft({ communityId: "danfeng", ...pickOnMap(data, { lat: 30.321, lng: 120.211 }) });
    expect(
      toInput(data, { ...d, addressText: "荷塘路", categoryId: "other", description: "xxxxx", consent: true }),
    ).toEqual(expect.objectContaining({ lat: 30.321, lng: 120.211 }));
    expect(d.communityId).toBe("hetang");
  });

  it("ignores a tap outside the district's boundaries", () => {
    expect(pickOnMap(data, { lat: 30.35, lng: 120.15 })).toBeUndefined();
  });

  it("finds each community's label spot inside that community when tapped there", () => {
    for (const c of map.communities) {
      const tapped = pickOnMap(data, unproject(map.projection, c.label));
      expect(tapped?.communityId).toBe(c.id);
      const at = project(map.projection, tapped?.point ?? { lat: 0, lng: 0 });
      expect(Math.hypot(at.x - c.label.x, at.y - c.label.y)).toBeLessThan(0.1);
    }
  });

  it("starts a new draft with no point and no point source", () => {
    expect(newDraft().pointSource).toBeNull();
  });
});
