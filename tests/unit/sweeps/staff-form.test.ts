import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { districtMap } from "../../../src/lib/complaints/district-map-data";
import { checkFields } from "../../../src/lib/kit/check";
import {
  choosePlaces,
  communityPoint,
  defaultPlace,
  editFormOf,
  editInput,
  newPlanForm,
  planInput,
  seriesDays,
} from "../../../src/lib/sweeps/staff-form";
import { COMMUNITIES, communityAt } from "../../../src/shared/geo";
import { CreateSweepsSchema, UpdateSweepSchema } from "../../../src/shared/sweeps/staff-schemas";
import type { StaffSweep } from "../../../src/shared/sweeps/wire";

const map = districtMap();

describe("the plan form", () => {
  it("starts on the next Saturday (a week on when today is one), one week, no community, as a draft", () => {
    expect(newPlanForm("2026-12-01").firstDay).toBe("2026-12-05"); // a Tuesday
    expect(newPlanForm("2026-12-05").firstDay).toBe("2026-12-12"); // a Saturday
    const f = newPlanForm("2026-12-01");
    expect(f).toMatchObject({ weeks: "1", places: [], open: false, insuranceRef: "" });
  });

  it("puts each community's default meeting point inside that community, with or without the map", () => {
    for (const c of COMMUNITIES) {
      for (const m of [map, undefined]) {
        const p = communityPoint(m, c);
        expect(communityAt(p.lng, p.lat)?.id, c.id).toBe(c.id);
      }
    }
  });

  it("keeps what was typed for a community still chosen, adds defaults in the communities' order, drops the rest", () => {
    const [a, b, c] = COMMUNITIES as [(typeof COMMUNITIES)[0], (typeof COMMUNITIES)[0], (typeof COMMUNITIES)[0]];
    const typed = { ...defaultPlace(map, b), meetingPoint: "桂园公园南门" };
    const places = choosePlaces([typed, defaultPlace(map, c)], [b.id, a.id], COMMUNITIES, map);
    expect(places.map((p) => p.communityId)).toEqual([a.id, b.id]);
    expect(places[1]).toEqual(typed);
    expect(places[0]?.meetingPoint).toBe(`${a.name}工作站门口`);
  });

  it("lists a series' days a week apart", () => {
    expect(seriesDays("2026-12-05", 3)).toEqual(["2026-12-05", "2026-12-12", "2026-12-19"]);
    expect(seriesDays("2026-12-05", Number.NaN)).toEqual(["2026-12-05"]);
  });

  it("sends all 12 communities for four Saturdays as one input the API's schema takes", () => {
    const f = {
      ...newPlanForm("2026-12-01"),
      weeks: "4",
      places: choosePlaces(
        [],
        COMMUNITIES.map((c) => c.id),
        COMMUNITIES,
        map,
      ),
      organiser: "临河中队 · 青溪区团委",
      leaderContact: "李队长 0571-8888 0000",
      insuranceRef: "PICC-2026-118",
      open: true,
    };
    const parsed = v.safeParse(CreateSweepsSchema, planInput(f));
    expect(parsed.success).toBe(true);
    expect(parsed.output).toMatchObject({ weeks: 4, capacity: 20, guardianPresentBelow: null });
    expect((parsed.output as { places: unknown[] }).places).toHaveLength(12);
  });

  it("leaves an empty number empty (not 0) and refuses to open without insurance, at the fields", () => {
    const base = {
      ...newPlanForm("2026-12-01"),
      places: [defaultPlace(map, COMMUNITIES[0] as (typeof COMMUNITIES)[0])],
      organiser: "临河中队",
      leaderContact: "李队长 0571-8888 0000",
      open: true,
    };
    expect(Object.keys(checkFields(CreateSweepsSchema, planInput({ ...base, capacity: " " })))).toContain("capacity");
    expect(checkFields(CreateSweepsSchema, planInput(base))).toEqual({ insuranceRef: "开放报名前须填写意外保险单号" });
    expect(checkFields(CreateSweepsSchema, planInput({ ...base, open: false }))).toEqual({});
  });
});

describe("the edit form", () => {
  const sweep = {
    id: "abcdefghij",
    title: "周六上午志愿清扫",
    communityId: COMMUNITIES[0]?.id ?? "",
    communityName: "",
    startsAt: "2026-12-05T00:30:00.000Z",
    endsAt: "2026-12-05T03:00:00.000Z",
    cancelCutoffAt: "2026-12-04T00:30:00.000Z",
    meetingPoint: "工作站门口",
    lat: 30.28,
    lng: 120.19,
    capacity: 20,
    waitlistLimit: 10,
    minAge: 14,
    guardianPresentBelow: null,
    organiser: "临河中队",
    leaderContact: "李队长",
    whatToBring: "",
    insuranceRef: "PICC-1",
    state: "open",
    version: 3,
  } as unknown as StaffSweep;

  it("starts from the sweep in China time, with its cut-off in hours and its version", () => {
    expect(editFormOf(sweep)).toMatchObject({
      day: "2026-12-05",
      startTime: "08:30",
      endTime: "11:00",
      cancelCutoffHours: "24",
      guardianPresentBelow: "",
      open: true,
      version: 3,
    });
  });

  it("gives back an input the API's schema takes, unchanged", () => {
    const parsed = v.safeParse(UpdateSweepSchema, editInput(editFormOf(sweep)));
    expect(parsed.success).toBe(true);
    expect(parsed.output).toMatchObject({
      day: "2026-12-05",
      startTime: "08:30",
      capacity: 20,
      version: 3,
      lat: 30.28,
    });
  });
});
