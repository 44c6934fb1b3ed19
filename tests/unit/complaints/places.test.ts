import { describe, expect, it } from "vitest";
import gazetteerFile from "../../../content/complaints/gazetteer.geo.json" with { type: "json" };
import { complaintStatements, DEMO_CASES } from "../../../scripts/seed/complaints";
import {
  communitiesCrossed,
  nearestPlace,
  PLACES,
  parseGazetteer,
  placeBelongsTo,
  placeById,
  placesOf,
  publicPlace,
} from "../../../src/shared/complaints/places";
import { COMMUNITIES, communityAt } from "../../../src/shared/geo";

type Feature = { properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } };
const file = gazetteerFile as unknown as { type: string; features: Feature[] };
/** The gazetteer with one feature changed, as a staff edit might break it. */
function edited(change: (features: Feature[]) => void) {
  const copy = structuredClone(file);
  change(copy.features);
  return copy;
}

describe("the gazetteer", () => {
  it("gives every community roads and several places, ids unique, names unique within a community", () => {
    expect(new Set(PLACES.map((p) => p.id)).size).toBe(PLACES.length);
    for (const c of COMMUNITIES) {
      const of = placesOf(c.id);
      expect(of.filter((p) => p.kind === "road").length, c.id).toBeGreaterThanOrEqual(1);
      expect(of.filter((p) => p.kind === "place").length, c.id).toBeGreaterThanOrEqual(3);
      expect(new Set(of.map((p) => p.name)).size, c.id).toBe(of.length);
    }
    expect(PLACES.filter((p) => p.kind === "road").length).toBeGreaterThanOrEqual(3);
  });

  it("puts each place inside its community and runs each road through exactly the communities it lists", () => {
    for (const p of PLACES) {
      if (p.kind === "place") {
        const [lng, lat] = p.lines[0]?.[0] ?? [0, 0];
        expect(communityAt(lng, lat)?.id, p.id).toBe(p.communities[0]);
      } else {
        expect(communitiesCrossed(p.lines), p.id).toEqual(
          COMMUNITIES.filter((c) => p.communities.includes(c.id)).map((c) => c.id),
        );
      }
    }
  });

  it("refuses a broken edit, naming the feature: a place outside its community", () => {
    const bad = edited((fs) => {
      const f = fs.find((x) => x.properties.id === "danfeng-market");
      if (f) f.geometry.coordinates = [120.21, 30.27];
    });
    expect(() => parseGazetteer(bad)).toThrow(/danfeng-market: the point is not inside danfeng/);
  });

  it("refuses a road that does not pass through a community it lists, or passes one it does not list", () => {
    const missing = edited((fs) => {
      const f = fs.find((x) => x.properties.id === "danfeng-road");
      if (f) f.properties.communities = ["danfeng", "hetang"];
    });
    expect(() => parseGazetteer(missing)).toThrow(/danfeng-road: does not pass through hetang/);
    const unlisted = edited((fs) => {
      const f = fs.find((x) => x.properties.id === "linhe-road");
      if (f) f.properties.communities = ["danfeng", "liuan", "linhe"];
    });
    expect(() => parseGazetteer(unlisted)).toThrow(/linhe-road: passes through hubin but does not list it/);
  });

  it("refuses a duplicate id, a duplicate name in one community, an unknown community and a bad geometry", () => {
    const twice = edited((fs) => {
      const f = structuredClone(fs.find((x) => x.properties.id === "danfeng-school"));
      if (f) fs.push(f);
    });
    expect(() => parseGazetteer(twice)).toThrow(/danfeng-school: id used twice/);
    const sameName = edited((fs) => {
      const f = fs.find((x) => x.properties.id === "danfeng-school");
      if (f) f.properties.name = "丹枫菜市场";
    });
    expect(() => parseGazetteer(sameName)).toThrow(/the name 丹枫菜市场 is used twice in danfeng/);
    const unknown = edited((fs) => {
      const f = fs.find((x) => x.properties.id === "danfeng-school");
      if (f) f.properties.community = "atlantis";
    });
    expect(() => parseGazetteer(unknown)).toThrow(/unknown community atlantis/);
    const point = edited((fs) => {
      const f = fs.find((x) => x.properties.id === "danfeng-road");
      if (f) f.geometry = { type: "Point", coordinates: [120.11, 30.32] };
    });
    expect(() => parseGazetteer(point)).toThrow();
  });

  it("tells whether a place belongs to a community: a road to each it passes, a place to its own", () => {
    expect(placeBelongsTo("linhe-road", "danfeng")).toBe(true);
    expect(placeBelongsTo("linhe-road", "xintang")).toBe(false);
    expect(placeBelongsTo("danfeng-market", "danfeng")).toBe(true);
    expect(placeBelongsTo("danfeng-market", "liuan")).toBe(false);
    expect(placeBelongsTo("nowhere", "danfeng")).toBe(false);
  });

  it("resolves a point to the nearest road or place of its community", () => {
    const market = placeById("danfeng-market")?.lines[0]?.[0] ?? [0, 0];
    expect(nearestPlace("danfeng", market[0] + 0.0005, market[1])?.id).toBe("danfeng-market");
    // on 临河路 but far from every place of 丹枫
    expect(nearestPlace("danfeng", 120.117, 30.3251)?.id).toBe("linhe-road");
    // the nearest place of another community is never chosen
    expect(nearestPlace("liuan", 120.1199, 30.33)?.communities).toContain("liuan");
  });

  it("names the public place from the gazetteer and the community, never anything else", () => {
    expect(publicPlace("danfeng-market", "danfeng")).toBe("丹枫菜市场");
    expect(publicPlace(null, "danfeng")).toBe("丹枫社区");
    expect(publicPlace("nowhere", "danfeng")).toBe("丹枫社区");
  });
});

describe("the demo seed", () => {
  it("gives every demo case a public place of its own community", () => {
    const inserts = complaintStatements(Date.parse("2026-11-27T04:00:00Z")).filter((s) =>
      s.startsWith("INSERT INTO complaints ("),
    );
    expect(inserts).toHaveLength(DEMO_CASES);
    for (const s of inserts) {
      // community_id and place_id are the 3rd and 5th values, quoted
      const [, , community, , place] = s.slice(s.indexOf("SELECT ") + 7).split(", ");
      expect(
        placeBelongsTo(place?.replaceAll("'", "") ?? "", community?.replaceAll("'", "") ?? ""),
        s.slice(0, 200),
      ).toBe(true);
    }
  });
});
