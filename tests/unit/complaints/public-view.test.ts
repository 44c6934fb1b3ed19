import { describe, expect, it } from "vitest";
import { toCsv } from "../../../functions/lib/complaints/public-view";

describe("the open-data CSV", () => {
  it("quotes a cell that a spreadsheet would run as a formula, and escapes quotes and line breaks", () => {
    const csv = toCsv([{ a: '=HYPERLINK("http://x")路口', b: "+1", c: "line\nbreak" }], ["a", "b", "c"]);
    expect(csv).toContain("'=HYPERLINK");
    expect(csv).toContain("'+1");
    expect(csv.split("\r\n")[0]).toBe("a,b,c");
    expect(csv).toContain('"\'=HYPERLINK(""http://x"")路口"');
    expect(csv).toContain('"line\nbreak"');
  });
});
