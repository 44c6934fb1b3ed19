import { describe, expect, it } from "vitest";
import { buildDistrictMap, MAP_WIDTH, project, unproject } from "../../../src/lib/complaints/district-map";
import { districtMap } from "../../../src/lib/complaints/district-map-data";
import { COMMUNITIES, communityAt, distanceMetres } from "../../../src/shared/geo";

const map = districtMap();
const { projection } = map;

describe("the district map's projection", () => {
  it("fits the district's boundaries into the viewBox, north up, with its margin", () => {
    expect(map.width).toBe(MAP_WIDTH);
    const corners = COMMUNITIES.flatMap((c) => c.rings.flat()).map(([lng, lat]) => project(projection, { lat, lng }));
    expect(Math.min(...corners.map((c) => c.x))).toBeCloseTo(projection.pad, 6);
    expect(Math.max(...corners.map((c) => c.x))).toBeCloseTo(map.width - projection.pad, 6);
    expect(Math.min(...corners.map((c) => c.y))).toBeCloseTo(projection.pad, 6);
    expect(Math.max(...corners.map((c) => c.y))).toBeLessThanOrEqual(map.height - projection.pad + 1);
    // 120.10–120.22 E by 30.26–30.34 N: about 11.5 km by 8.9 km, wider than tall.
    expect(map.height).toBeGreaterThan(250);
    expect(map.height).toBeLessThan(map.width);
  });

  it("draws a kilometre east as long as a kilometre north (cos(lat) scaling)", () => {
    const at = { lat: 30.3, lng: 120.15 };
    const north = project(projection, { lat: at.lat + 1000 / 111_320, lng: at.lng });
    const eastLng = at.lng + 1000 / (111_320 * Math.cos((at.lat * Math.PI) / 180));
    const east = project(projection, { lat: at.lat, lng: eastLng });
    const origin = project(projection, at);
    const up = origin.y - north.y;
    const right = east.x - origin.x;
    expect(Math.abs(right - up) / up).toBeLessThan(0.005);
  });

  it("turns every point of the district into a place on the map and back, to within a centimetre", () => {
    for (let lat = 30.26; lat <= 30.34; lat += 0.0037) {
      for (let lng = 120.1; lng <= 120.22; lng += 0.0041) {
        const back = unproject(projection, project(projection, { lat, lng }));
        expect(distanceMetres(back, { lat, lng })).toBeLessThan(0.01);
      }
    }
  });

  it("gives a tap the point under it: a viewBox position and back lands within a pixel", () => {
    for (const [x, y] of [
      [10, 10],
      [180, 140],
      [352, map.height - 9],
    ] as const) {
      const back = project(projection, unproject(projection, { x, y }));
      expect(back.x).toBeCloseTo(x, 9);
      expect(back.y).toBeCloseTo(y, 9);
    }
  });
});

describe("the district map's drawing", () => {
  it("draws each of the 12 communities as a closed path, labelled inside its own polygon", () => {
    expect(map.communities.map((c) => c.id)).toEqual(COMMUNITIES.map((c) => c.id));
    expect(map.communities).toHaveLength(12);
    for (const c of map.communities) {
      expect(c.d).toMatch(/^M[\d.]+ [\d.]+(L[\d.]+ [\d.]+)+Z$/);
      // Point in community: the label's spot, projected back, lies in that community and no other.
      expect(communityAt(unproject(projection, c.label).lng, unproject(projection, c.label).lat)?.id).toBe(c.id);
      expect(c.short).not.toContain("社区");
    }
  });

  it("answers a tap with the community under it, and none outside the district", () => {
    const tap = (x: number, y: number) => {
      const p = unproject(projection, { x, y });
      return communityAt(p.lng, p.lat)?.id;
    };
    // The north-west community is 丹枫, the south-east one 荷塘's neighbour to the south.
    expect(tap(projection.pad + 3, projection.pad + 3)).toBe("danfeng");
    expect(tap(2, 2)).toBeUndefined();
    expect(tap(map.width - 1, map.height - 1)).toBeUndefined();
  });

  it("keeps a scale bar of a round length, about a quarter of the map", () => {
    expect([500, 1000, 2000, 5000]).toContain(map.scale.metres);
    expect(map.scale.length).toBeGreaterThan(map.width / 10);
    expect(map.scale.length).toBeLessThanOrEqual(map.width / 4 + 1);
    expect(map.scale.label).toMatch(/^\d+ (公里|米)$/);
  });

  it("draws roads as open lines with a readable label, and places as points", () => {
    const drawn = buildDistrictMap({
      communities: [
        {
          id: "a",
          name: "甲社区",
          rings: [
            [
              [0, 0],
              [0.01, 0],
              [0.01, 0.01],
              [0, 0.01],
              [0, 0],
            ],
          ],
        },
      ],
      roads: [
        {
          id: "r",
          name: "甲路",
          lines: [
            [
              [0.01, 0.005],
              [0, 0.005],
            ],
          ],
        },
      ],
      places: [{ id: "p", name: "甲公园", at: [0.005, 0.005] }],
    });
    expect(drawn.roads[0]?.d).toMatch(/^M[\d.]+ [\d.]+L[\d.]+ [\d.]+$/);
    // Drawn from east to west, the label still reads left to right.
    expect(drawn.roads[0]?.label.angle).toBe(0);
    expect(drawn.places[0]?.x).toBeCloseTo(drawn.width / 2, 0);
    expect(drawn.height).toBe(drawn.width);
  });

  it("refuses an empty district", () => {
    expect(() => buildDistrictMap({ communities: [] })).toThrow(/at least one community/);
  });
});
