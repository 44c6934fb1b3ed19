import { describe, expect, it } from "vitest";
import { maskName, maskPhone } from "../../src/shared/privacy";

describe("masking", () => {
  it("masks a mobile number to 138****1234 and a name to its first character", () => {
    expect(maskPhone("13812341234")).toBe("138****1234");
    expect(maskName("张三")).toBe("张*");
    expect(maskName("欧阳娜娜")).toBe("欧***");
  });
});
