import { describe, expect, it } from "vitest";
import { actionPermission } from "../../../functions/routes/staff/route-permissions";
import { acceptMinutes, CATEGORIES, categoryById } from "../../../src/shared/complaints/categories";
import {
  actorOf,
  nextState,
  STAFF_ACTIONS,
  STATE_LABELS,
  STATES,
  TRANSITIONS,
} from "../../../src/shared/complaints/states";
import { boundingBox, COMMUNITIES, communityAt, distanceMetres, publicCoordinate } from "../../../src/shared/geo";
import { can, ROLES } from "../../../src/shared/staff/roles";

describe("complaint categories", () => {
  it("load from content with unique ids, events, components and an 'unsure' choice", () => {
    expect(new Set(CATEGORIES.map((c) => c.id)).size).toBe(CATEGORIES.length);
    expect(categoryById("E0101")?.name).toBe("私搭乱建");
    expect(categoryById("C0118")?.name).toBe("路灯不亮");
    expect(categoryById("other")).toBeDefined();
  });

  it("give urgent categories the short limits: barbecue and manholes in 2 hours, dispatch in 10 minutes", () => {
    const bbq = categoryById("E0107");
    const manhole = categoryById("C0101");
    expect(bbq?.limitHours).toBe(2);
    expect(manhole?.limitHours).toBe(2);
    expect(bbq && acceptMinutes(bbq)).toBe(10);
    const posters = categoryById("E0201");
    expect(posters && acceptMinutes(posters)).toBe(30);
  });
});

describe("the case state table", () => {
  it("labels every state and leads every action to a known state", () => {
    for (const s of STATES) expect(STATE_LABELS[s]).toBeTruthy();
    for (const t of Object.values(TRANSITIONS)) expect([...STATES, "same"]).toContain(t.to);
  });

  it("keeps the state for actions that only record something", () => {
    expect(nextState("reply", "in_progress", "unit_handler")).toBe("in_progress");
    expect(nextState("request_extension", "extended", "unit_handler")).toBe("extended");
    expect(nextState("reply", "merged", "dispatcher")).toBeNull();
  });

  it("gives each staff action's endpoint the permission held by exactly the roles the table lets act", () => {
    for (const action of STAFF_ACTIONS) {
      const actors = TRANSITIONS[action].by as readonly string[];
      const holders = ROLES.filter((r) => can(r, actionPermission(action)));
      const acting = ROLES.filter((r) => actorOf(r) !== null && actors.includes(actorOf(r) as string));
      expect(holders, action).toEqual(acting);
    }
  });

  it("lets a reporter file and reopen, and nothing else", () => {
    expect(nextState("file", null, "reporter")).toBe("received");
    expect(nextState("reopen", "closed_not_fixed", "reporter")).toBe("reopened");
    expect(nextState("accept", "received", "reporter")).toBeNull();
    expect(nextState("reopen", "in_progress", "reporter")).toBeNull();
  });

  it("refuses an action from a state it does not start from", () => {
    expect(nextState("close_fixed", "received", "dispatcher")).toBeNull();
    expect(nextState("dispatch", "accepted", "dispatcher")).toBe("dispatched");
  });
});

describe("places", () => {
  it("resolves a point to the community whose boundary holds it, and nothing outside the district", () => {
    for (const c of COMMUNITIES) {
      const ring = c.rings[0] ?? [];
      const lng = ring.reduce((s, p) => s + p[0], 0) / ring.length;
      const lat = ring.reduce((s, p) => s + p[1], 0) / ring.length;
      expect(communityAt(lng, lat)?.id).toBe(c.id);
    }
    expect(communityAt(0, 0)).toBeUndefined();
  });

  it("measures distances and bounding boxes that contain them", () => {
    const a = { lat: 30.3, lng: 120.15 };
    const b = { lat: 30.302, lng: 120.15 };
    expect(distanceMetres(a, b)).toBeGreaterThan(220);
    expect(distanceMetres(a, b)).toBeLessThan(225);
    const box = boundingBox(a.lat, a.lng, 250);
    expect(b.lat).toBeLessThan(box.maxLat);
    expect(distanceMetres(a, { lat: a.lat, lng: box.maxLng })).toBeCloseTo(250, 0);
  });

  it("coarsens public coordinates to about 100 m", () => {
    expect(publicCoordinate(120.123456)).toBe(120.123);
    expect(Math.abs(publicCoordinate(30.29951) - 30.29951)).toBeLessThan(0.0005);
  });
});
