import { describe, expect, it } from "vitest";
import { type Draft, newDraft, toInput } from "../../../src/lib/complaints/draft";
import { filingData } from "../../../src/lib/complaints/filing-data-build";
import { groupCaseNumber } from "../../../src/lib/complaints/format";
import { stepErrors, stepOf } from "../../../src/lib/complaints/validate-draft";
import { lastDays } from "../../../src/shared/time";

const data = filingData();

const IN_HETANG = { lat: 30.321, lng: 120.211 };
const OUTSIDE = { lat: 31.23, lng: 121.47 };

function draft(over: Partial<Draft> = {}): Draft {
  return { ...newDraft("key-12345678"), ...over };
}

const complete = draft({
  categoryId: "E0102",
  addressText: "荷塘路 66 号",
  communityId: "hetang",
  description: "垃圾堆在路边两天了",
  consent: true,
});

describe("checking a draft step by step with the API's schema", () => {
  it("asks for a category on the first step, and for nothing of the later steps", () => {
    expect(stepErrors(data, draft(), 0)).toEqual({ categoryId: "请选择问题类别" });
    expect(stepErrors(data, draft({ categoryId: "other" }), 0)).toEqual({});
  });

  it("asks for an address and a community, unless a point inside the district places the case", () => {
    const place = draft({ categoryId: "E0102" });
    expect(stepErrors(data, place, 1)).toEqual({
      addressText: "请填写地址或地标，至少 2 个字",
      communityId: "请选择所在社区，或使用当前位置",
    });
    expect(stepErrors(data, { ...place, addressText: "荷塘路", point: IN_HETANG }, 1)).toEqual({});
    expect(stepErrors(data, { ...place, addressText: "荷塘路", point: OUTSIDE }, 1)).toEqual({
      communityId: "请选择所在社区，或使用当前位置",
    });
  });

  it("wants five characters of description", () => {
    expect(stepErrors(data, { ...complete, description: "垃圾" }, 2)).toEqual({
      description: "请描述问题，至少 5 个字",
    });
  });

  it("wants a mobile number only with a callback, and the consent ticked", () => {
    expect(stepErrors(data, { ...complete, consent: false }, 3)).toEqual({
      consent: "请阅读个人信息保护说明并勾选同意",
    });
    expect(stepErrors(data, { ...complete, callbackWanted: true }, 3)).toEqual({ phone: "需要回访时请留手机号" });
    expect(stepErrors(data, { ...complete, callbackWanted: true, phone: "1381234" }, 3)).toEqual({
      phone: "请填写 11 位手机号码",
    });
    expect(stepErrors(data, { ...complete, callbackWanted: true, phone: "13812345678" }, 3)).toEqual({});
  });

  it("checks everything on the review step, and sends a server's field error back to its step", () => {
    expect(stepErrors(data, complete, 4)).toEqual({});
    expect(Object.keys(stepErrors(data, draft(), 4))).toEqual(
      expect.arrayContaining(["categoryId", "addressText", "description", "consent"]),
    );
    expect([stepOf("categoryId"), stepOf("lat"), stepOf("photos"), stepOf("phone"), stepOf("headers")]).toEqual([
      0, 1, 2, 3, 4,
    ]);
  });
});

describe("what the API receives", () => {
  it("sends a point inside the district instead of the community, and drops a point outside it", () => {
    expect(toInput(data, { ...complete, point: IN_HETANG })).toMatchObject(IN_HETANG);
    expect(toInput(data, { ...complete, point: IN_HETANG }).communityId).toBeUndefined();
    const outside = toInput(data, { ...complete, point: OUTSIDE });
    expect(outside.lat).toBeUndefined();
    expect(outside.communityId).toBe("hetang");
  });

  it("sends the phone only with a callback, and no empty name", () => {
    const input = toInput(data, { ...complete, phone: "13812345678", name: "  " });
    expect(input).not.toHaveProperty("phone");
    expect(input).not.toHaveProperty("name");
    expect(toInput(data, { ...complete, callbackWanted: true, phone: "13812345678" })).toMatchObject({
      callbackWanted: true,
      phone: "13812345678",
    });
  });
});

describe("formatting for the complaint pages", () => {
  it("groups a case number for reading over the phone", () => {
    expect(groupCaseNumber("261127-0042")).toBe("261 127 - 0042");
  });

  it("counts the last 30 days in China time, whatever the device's clock zone", () => {
    // 17:00 UTC on 26 November is 01:00 on 27 November in China.
    expect(lastDays(30, new Date("2026-11-26T17:00:00Z"))).toEqual({ from: "2026-10-29", to: "2026-11-27" });
  });
});
