import { describe, expect, it } from "vitest";
import { newSignupDraft, signupInput } from "../../../src/lib/sweeps/draft";
import { agesText, icsSweepOf, placesText, sweepDate, sweepTime } from "../../../src/lib/sweeps/format";
import type { PublicSweep } from "../../../src/shared/sweeps/wire";

const sweep: PublicSweep = {
  id: "abcdefghij",
  title: "金桂社区周六清扫",
  communityId: "jingui",
  communityName: "金桂社区",
  startsAt: "2026-12-05T00:30:00.000Z",
  endsAt: "2026-12-05T02:30:00.000Z",
  meetingPoint: "社区工作站门口",
  lat: 30.28,
  lng: 120.19,
  capacity: 20,
  placesTaken: 17,
  placesLeft: 3,
  waitlistLimit: 10,
  waitlisted: 0,
  waitlistOpen: true,
  minAge: 14,
  guardianPresentBelow: null,
  minorsWelcome: true,
  organiser: "临河中队 · 青溪区团委",
  leaderContact: "王队长 0571-00000000",
  whatToBring: "水杯、帽子",
  insuranceRef: "PA-2026-001",
  cancelCutoffAt: "2026-12-04T10:00:00.000Z",
  state: "open",
  version: 1,
  mostNeeded: true,
};

describe("a sweep as people read it", () => {
  it("gives the China-time date with its weekday and the time span", () => {
    expect(sweepDate(sweep)).toBe("2026年12月5日（周六）");
    expect(sweepTime(sweep)).toBe("08:30–10:30");
    expect(sweepDate({ startsAt: "2026-12-05T16:30:00Z" })).toBe("2026年12月6日（周日）");
  });

  it("says how many places are left, or that only the waitlist is open, or neither", () => {
    expect(placesText(sweep)).toBe("剩余 3 个名额（共 20 个）");
    expect(placesText({ ...sweep, placesLeft: 0 })).toBe("已满，可报名候补");
    expect(placesText({ ...sweep, placesLeft: 0, waitlisted: 2 })).toBe("已满，可报名候补（已有 2 人候补）");
    expect(placesText({ ...sweep, placesLeft: 0, waitlistOpen: false })).toBe("已满，候补也已满");
  });

  it("names the age rules that apply", () => {
    expect(agesText({ minAge: 18, guardianPresentBelow: null })).toBe("18 周岁以上");
    expect(agesText({ minAge: 14, guardianPresentBelow: null })).toBe("14 周岁以上（未满 18 周岁须监护人同意）");
    expect(agesText({ minAge: 8, guardianPresentBelow: 10 })).toBe(
      "8 周岁以上（未满 18 周岁须监护人同意；未满 10 周岁须监护人陪同）",
    );
  });

  it("makes the calendar entry with the meeting point, the organiser and the link back", () => {
    const entry = icsSweepOf(sweep, "https://example.org/volunteer/manage/#t=x");
    expect(entry.location).toBe("金桂社区 · 社区工作站门口");
    expect(entry.description).toContain("领队联系方式：王队长 0571-00000000");
    expect(entry.url).toBe("https://example.org/volunteer/manage/#t=x");
    // Version 1 (as created) is SEQUENCE 0; each change raises both.
    expect(entry.sequence).toBe(0);
    expect(icsSweepOf({ ...sweep, version: 3 }, "u").sequence).toBe(2);
    expect(icsSweepOf({ ...sweep, state: "cancelled" }, "u").cancelled).toBe(true);
  });
});

describe("the sign-up draft as the API takes it", () => {
  it("leaves the volunteer number out when none was typed", () => {
    const draft = { ...newSignupDraft("k"), name: "李明", volunteerNumber: "  " };
    expect(signupInput(draft)).not.toHaveProperty("volunteerNumber");
    expect(signupInput({ ...draft, volunteerNumber: "ZJ-1234" })).toMatchObject({ volunteerNumber: "ZJ-1234" });
    expect(signupInput(draft)).not.toHaveProperty("idempotencyKey");
  });
});
