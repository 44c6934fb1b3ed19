import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { groupCaseNumber } from "../../../src/lib/complaints/format";
import { fileOk, ORIGIN } from "./factories";
import { makeCase } from "./handling/factories";

// The Worker answers /complaints/c/* itself (wrangler.toml run_worker_first): the static shell for a
// case with a public page, the site's 404 page (status 404) for any other path.
const open = (path: string) => exports.default.fetch(`${ORIGIN}${path}`, { redirect: "manual" });

async function expectNotFoundPage(res: Response) {
  expect(res.status).toBe(404);
  expect(res.headers.get("content-type")).toMatch(/^text\/html/);
  expect(await res.text()).not.toContain("案件公示");
}

describe("a case's public page, /complaints/c/<case number>/", () => {
  it("serves the page shell for a case that has a public page", async () => {
    const c = await makeCase({ state: "dispatched" });
    const res = await open(`/complaints/c/${c.caseNumber}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await res.text()).toContain("案件公示");
  });

  it("is a real 404 page for a case not yet accepted, a refused one, an unknown number and no number", async () => {
    const waiting = await fileOk();
    const refused = await makeCase({ state: "not_accepted" });
    for (const path of [
      `/complaints/c/${waiting.caseNumber}/`,
      `/complaints/c/${refused.caseNumber}/`,
      "/complaints/c/990101-999998/",
      "/complaints/c/not-a-number/",
      "/complaints/c/261201-9107/extra/",
      "/complaints/c/?no=abc",
    ]) {
      await expectNotFoundPage(await open(path));
    }
  });

  it("sends a number as people copy it, and the lookup form's ?no=, to the case's one address", async () => {
    const c = await makeCase({ state: "accepted" });
    const canonical = `/complaints/c/${c.caseNumber}/`;
    for (const path of [
      `/complaints/c/${encodeURIComponent(groupCaseNumber(c.caseNumber))}/`,
      `/complaints/c/${c.caseNumber.replace("-", "")}/`,
      `/complaints/c/${c.caseNumber}`,
      `/complaints/c/?no=${encodeURIComponent(groupCaseNumber(c.caseNumber))}`,
    ]) {
      const res = await open(path);
      expect([301, 303], path).toContain(res.status);
      expect(new URL(res.headers.get("location") ?? "", ORIGIN).pathname, path).toBe(canonical);
    }
  });

  it("serves the lookup page at /complaints/c/ itself", async () => {
    const res = await open("/complaints/c/");
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('name="no"');
  });
});
