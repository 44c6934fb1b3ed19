import { describe, expect, it } from "vitest";
import {
  type FollowedCase,
  MAX_FOLLOWED,
  parseFollowed,
  withFollowed,
  withoutFollowed,
  withSeen,
} from "../../../src/lib/complaints/followed";
import { caseFeedPath, caseNumberInPath, casePagePath } from "../../../src/shared/complaints/case-page";

const f = (n: number, seenSteps = 1): FollowedCase => ({
  caseNumber: `261201-${String(n).padStart(4, "0")}`,
  title: `案件 ${n}`,
  seenSteps,
});

describe("the cases a browser follows", () => {
  it("reads back what it saved, and nothing from a damaged or foreign value", () => {
    const list = [f(1), f(2, 4)];
    expect(parseFollowed(JSON.stringify(list))).toEqual(list);
    for (const bad of [
      null,
      "",
      "{",
      "{}",
      "42",
      '[{"caseNumber":"x","title":"t","seenSteps":1}]',
      '[{"caseNumber":"261201-0001"}]',
    ]) {
      expect(parseFollowed(bad), String(bad)).toEqual([]);
    }
  });

  it("puts a newly followed case first, once, and keeps at most the limit", () => {
    let list: FollowedCase[] = [];
    for (let n = 1; n <= MAX_FOLLOWED + 5; n++) list = withFollowed(list, f(n));
    expect(list).toHaveLength(MAX_FOLLOWED);
    expect(list[0]?.caseNumber).toBe(f(MAX_FOLLOWED + 5).caseNumber);
    list = withFollowed(list, f(10, 7));
    expect(list[0]).toEqual(f(10, 7));
    expect(list.filter((x) => x.caseNumber === f(10).caseNumber)).toHaveLength(1);
  });

  it("records the steps seen in place, and forgets an unfollowed case", () => {
    const list = [f(1), f(2), f(3)];
    const seen = withSeen(list, f(2).caseNumber, 5, "新标题");
    expect(seen.map((x) => x.caseNumber)).toEqual(list.map((x) => x.caseNumber));
    expect(seen[1]).toMatchObject({ seenSteps: 5, title: "新标题" });
    expect(withoutFollowed(list, f(2).caseNumber).map((x) => x.caseNumber)).toEqual([f(1).caseNumber, f(3).caseNumber]);
  });
});

describe("a case's public address", () => {
  it("is made from the case number and read back from the path", () => {
    expect(casePagePath("261201-9107")).toBe("/complaints/c/261201-9107/");
    expect(caseFeedPath("261201-9107")).toBe("/api/complaints/cases/261201-9107/feed.xml");
    expect(caseNumberInPath("/complaints/c/261201-9107/")).toBe("261201-9107");
    expect(caseNumberInPath("/complaints/c/261%20201%20-%209107/")).toBe("261 201 - 9107");
    expect(caseNumberInPath("/complaints/c/")).toBeNull();
    expect(caseNumberInPath("/complaints/c/a/b/")).toBeNull();
  });
});
