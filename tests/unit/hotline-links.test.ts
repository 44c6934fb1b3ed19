import { describe, expect, it } from "vitest";
import { hotlineParts } from "../../src/lib/hotline-links.ts";

const call = { type: "link", url: "tel:12345", children: [{ type: "text", value: "12345" }] };

describe("the hotline in editors' text", () => {
  it("becomes a tel: link wherever it stands alone", () => {
    expect(hotlineParts("请拨打12345热线，或12345。", "12345")).toEqual([
      { type: "text", value: "请拨打" },
      call,
      { type: "text", value: "热线，或" },
      call,
      { type: "text", value: "。" },
    ]);
    expect(hotlineParts("12345", "12345")).toEqual([call]);
  });

  it("leaves text without it, and longer numbers, alone", () => {
    expect(hotlineParts("编号 123456 与 012345", "12345")).toBeUndefined();
  });
});
