import { describe, expect, it } from "vitest";
import { maskName, maskPhone, streetLevel } from "../../src/shared/privacy";

describe("streetLevel", () => {
  it("keeps the street and drops house numbers and building parts", () => {
    expect(streetLevel("临河路88号3单元")).toBe("临河路");
    expect(streetLevel("桂园路 12 号门口")).toBe("桂园路");
    expect(streetLevel("丹枫小区5栋楼下")).toBe("丹枫小区");
    expect(streetLevel("北湖公园东门")).toBe("北湖公园东门");
    expect(streetLevel("溪山街三号楼")).toBe("溪山街");
  });

  it("hides an address that is nothing but a number", () => {
    expect(streetLevel("88号")).toBe("（地址已隐去）");
  });
});

describe("masking", () => {
  it("masks a mobile number to 138****1234 and a name to its first character", () => {
    expect(maskPhone("13812341234")).toBe("138****1234");
    expect(maskName("张三")).toBe("张*");
    expect(maskName("欧阳娜娜")).toBe("欧***");
  });
});
