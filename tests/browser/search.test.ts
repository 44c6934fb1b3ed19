import type { Page } from "playwright-core";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { browserForFile, VIEWPORTS } from "./kit";

const baseUrl = inject("baseUrl");
const browser = browserForFile();
let page: Page;
beforeAll(async () => {
  page = await browser().newPage({ viewport: VIEWPORTS.phone });
});

/** Types a query into the search form by keyboard and returns the result titles, best first. */
async function search(q: string): Promise<string[]> {
  await page.goto(`${baseUrl}/search/`);
  await page.getByLabel("搜索通知公告和政策法规").fill(q);
  await page.keyboard.press("Enter");
  await page
    .getByRole("status")
    .filter({ hasText: /共找到|没有找到/ })
    .waitFor();
  return page.locator("#search-results h2").allTextContents();
}

describe("full-text search over notices and regulations", () => {
  it("finds the night-market notice first for the two-character query 夜市", async () => {
    const titles = await search("夜市");
    expect(titles[0]).toBe("关于规范桂园夜市经营秩序的通告");
    expect(page.url()).toContain("q=%E5%A4%9C%E5%B8%82");
  });

  it("finds regulations as well as notices: 牌匾 finds the signboard measures", async () => {
    expect(await search("牌匾")).toContain("青溪区户外招牌设置管理办法");
  });

  it("says so when nothing matches", async () => {
    expect(await search("zqxjv")).toEqual([]);
    await expect(page.getByRole("status").textContent()).resolves.toContain("没有找到");
  });

  it("opens the document from a result", async () => {
    await search("扬尘");
    await page.locator("#search-results a").first().click();
    await expect(page.locator("h1").textContent()).resolves.toContain("扬尘");
  });
});
