import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ORIGIN } from "../complaints/factories";

const get = (path: string) => exports.default.fetch(`${ORIGIN}${path}`);

describe("Open311 discovery", () => {
  it("answers discovery.json with the v2 endpoint and both formats", async () => {
    const res = await get("/open311/v2/discovery.json");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const body = (await res.json()) as { endpoints: { url: string; formats: string[] }[] };
    expect(body.endpoints[0]?.url).toBe(`${ORIGIN}/open311/v2`);
    expect(body.endpoints[0]?.formats).toEqual(["application/json", "text/xml"]);
  });

  it("answers discovery.xml as text/xml", async () => {
    const res = await get("/open311/v2/discovery.xml");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/xml; charset=utf-8");
    expect(await res.text()).toContain("<discovery><changeset>");
  });

  it("answers an unknown suffix or resource with the spec's error list, 404", async () => {
    for (const path of ["/open311/v2/discovery.csv", "/open311/v2/discovery", "/open311/v2/nothing.json"]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      const body = (await res.json()) as { code: number; description: string }[];
      expect(body[0]?.code).toBe(404);
    }
    const elsewhere = await get("/open311/v1/services.json");
    expect(elsewhere.status).toBe(404);
    expect(((await elsewhere.json()) as { code: number }[])[0]?.code).toBe(404);
    const xml = await get("/open311/v2/nothing.xml");
    expect(xml.status).toBe(404);
    expect(await xml.text()).toContain("<errors><error><code>404</code>");
  });
});
