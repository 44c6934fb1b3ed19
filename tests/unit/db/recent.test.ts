import { describe, expect, it } from "vitest";
import { Recent } from "../../../functions/db/recent";

describe("Recent, the rows an isolate keeps", () => {
  it("keeps the most recently set entries up to its limit, dropping the oldest set first", () => {
    const r = new Recent<number>(3);
    for (const [k, v] of [
      ["a", 1],
      ["b", 2],
      ["c", 3],
    ] as const)
      r.set(k, v);
    r.set("a", 10); // set again: now the newest
    r.set("d", 4); // over the limit: "b", the oldest set, goes
    expect(["a", "b", "c", "d"].map((k) => r.get(k))).toEqual([10, undefined, 3, 4]);
    r.delete("c");
    expect(r.get("c")).toBeUndefined();
  });
});
