import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { Open311Error } from "../../../functions/lib/open311/errors";
import { escapeXml, formatOfPath, splitSuffix, toXml } from "../../../functions/lib/open311/format";
import { requestsWindow } from "../../../src/shared/open311/schemas";

describe("Open311 formats", () => {
  it("splits a path segment into its name and format; another suffix is an unknown resource", () => {
    expect(splitSuffix("261201-9107.xml")).toEqual({ name: "261201-9107", format: "xml" });
    expect(splitSuffix("services.json")).toEqual({ name: "services", format: "json" });
    for (const bad of ["services", "services.csv", ".json", "a.JSON", "a.json.", "a.xml "]) {
      expect(() => splitSuffix(bad), bad).toThrow(Open311Error);
    }
    expect(formatOfPath("/open311/v2/requests/x.XML")).toBe("xml");
    expect(formatOfPath("/open311/v2/requests/x")).toBe("json");
  });

  it("writes XML a parser reads back exactly: entities escaped, forbidden characters dropped", () => {
    const nasty = `<a href="x">&'</a>\u0000\u0008\u000B\uFFFE\uD800 中文 😀 \t\n`;
    expect(escapeXml(nasty)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt; 中文 😀 \t\n");
    const xml = toXml("service_requests", [{ status_notes: nasty, lat: 30.28, media_url: null }]);
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ parseTagValue: false, trimValues: false }).parse(xml) as {
      service_requests: { request: { status_notes: string; lat: string; media_url: string } };
    };
    expect(parsed.service_requests.request.status_notes).toBe(`<a href="x">&'</a> 中文 😀 \t\n`);
    expect(parsed.service_requests.request.lat).toBe("30.28");
    expect(parsed.service_requests.request.media_url).toBe("");
  });

  it("names each list's items as the spec does", () => {
    expect(toXml("errors", [{ code: 404, description: "x" }])).toContain(
      "<errors><error><code>404</code><description>x</description></error></errors>",
    );
    expect(toXml("services", [{ service_code: "E0101" }])).toContain("<services><service><service_code>");
    expect(toXml("discovery", { endpoints: [{ formats: ["text/xml"] }] })).toContain(
      "<endpoints><endpoint><formats><format>text/xml</format></formats></endpoint></endpoints>",
    );
  });
});

describe("the requests window", () => {
  const now = Date.parse("2026-12-01T00:00:00Z");
  it("is the last 90 days and at most 1,000 requests by default", () => {
    expect(requestsWindow({}, now)).toEqual({
      from: "2026-09-02T00:00:00.000Z",
      to: "2026-12-01T00:00:00.000Z",
      cap: 1000,
    });
  });
  it("fills one missing side 90 days from the other, with no cap", () => {
    expect(requestsWindow({ start_date: "2026-01-01T00:00:00.000Z" }, now)).toEqual({
      from: "2026-01-01T00:00:00.000Z",
      to: "2026-04-01T00:00:00.000Z",
      cap: null,
    });
    expect(requestsWindow({ end_date: "2026-04-01T00:00:00.000Z" }, now).from).toBe("2026-01-01T00:00:00.000Z");
  });
});
