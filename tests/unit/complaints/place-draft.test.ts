import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { ACTION_SPECS, actionBody, initialValues } from "../../../src/lib/complaints/console-actions";
import { chosenPlace, type Draft, newDraft, resolvedPlace, toInput } from "../../../src/lib/complaints/draft";
import { filingData } from "../../../src/lib/complaints/filing-data-build";
import { stepErrors } from "../../../src/lib/complaints/validate-draft";
import type { CaseSummary } from "../../../src/shared/complaints/console-wire";
import { nearestPlace } from "../../../src/shared/complaints/places";
import { FileComplaintSchema, PLACE_ELSEWHERE } from "../../../src/shared/complaints/schemas";

const data = filingData();

const IN_HETANG = { lat: 30.321, lng: 120.211 };

function draft(over: Partial<Draft> = {}): Draft {
  return {
    ...newDraft("key-12345678"),
    categoryId: "E0102",
    addressText: "荷塘路 66 号张家门口",
    description: "垃圾堆在路边两天了",
    consent: true,
    ...over,
  };
}

describe("the public place in a draft", () => {
  it("sends the road or place picked for the chosen community", () => {
    expect(toInput(data, draft({ communityId: "hetang", placeId: "hetang-park" })).placeId).toBe("hetang-park");
    expect(toInput(data, draft({ communityId: "hetang" })).placeId).toBeUndefined();
  });

  it("drops a pick that no longer belongs to the community, as after a new point elsewhere", () => {
    const moved = draft({ communityId: "danfeng", placeId: "danfeng-market", point: IN_HETANG, pointSource: "map" });
    expect(chosenPlace(data, moved)).toBeUndefined();
    expect(toInput(data, moved).placeId).toBeUndefined();
    expect(toInput(data, draft({ communityId: "hetang", placeId: "danfeng-market" })).placeId).toBeUndefined();
  });

  it("shows the place a point resolves to from its coarsened coordinates, as the server does", () => {
    const d = draft({ point: { lat: 30.3214, lng: 120.2114 }, pointSource: "map" });
    expect(resolvedPlace(data, d)?.id).toBe(nearestPlace("hetang", 120.211, 30.321)?.id);
    expect(resolvedPlace(data, draft({ communityId: "hetang" }))).toBeUndefined();
  });

  it("passes the place step with a place of the community; the schema refuses one of another", () => {
    expect(stepErrors(data, draft({ communityId: "hetang", placeId: "hetang-park" }), 1)).toEqual({});
    const input = { ...toInput(data, draft({ communityId: "hetang" })), placeId: "danfeng-market" };
    const result = v.safeParse(FileComplaintSchema, input);
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(v.flatten<typeof FileComplaintSchema>(result.issues).nested?.placeId).toEqual([PLACE_ELSEWHERE]);
    }
  });
});

describe("the accept form", () => {
  const received = { state: "received", categoryId: "E0102", communityId: "liuan", urgent: false } as CaseSummary;

  it("starts from the case's public place and lets staff change it, or leaves it out when none is chosen", () => {
    expect(initialValues("accept", { ...received, placeId: "liuan-market" })).toMatchObject({
      placeId: "liuan-market",
    });
    expect(initialValues("accept", { ...received, placeId: null })).toMatchObject({ placeId: "" });
    expect(ACTION_SPECS.accept.fields.map((f) => f.name)).toContain("placeId");
    expect(
      actionBody(ACTION_SPECS.accept, { categoryId: "E0102", placeId: "liuan-road", urgent: false }),
    ).toMatchObject({ placeId: "liuan-road" });
    expect(actionBody(ACTION_SPECS.accept, { categoryId: "E0102", placeId: "", urgent: false })).not.toHaveProperty(
      "placeId",
    );
  });
});
