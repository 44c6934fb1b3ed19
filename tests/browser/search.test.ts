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
  await page.getByLabel("搜索通知公告、政策法规和告市民书").fill(q);
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

  it("finds the open letter first by the name the navigation gives it, 告市民书", async () => {
    expect((await search("告市民书"))[0]).toBe("致全区市民的一封信");
    await expect(page.locator("#search-results a").first().getAttribute("href")).resolves.toBe("/letter/");
  });

  it("says on a result that a regulation is repealed or amended, as the regulation lists do", async () => {
    await search("扬尘");
    const repealed = page.locator("#search-results li", { hasText: "青溪区建设工地扬尘污染防治暂行办法" });
    await expect(repealed.locator(".tag.repealed").textContent()).resolves.toBe("已废止");
    await search("市容环境卫生管理规定");
    const amended = page.locator("#search-results li", { hasText: "青溪区市容环境卫生管理规定" });
    await expect(amended.locator(".tag.amended").textContent()).resolves.toBe("已修订");
  });

  it("shows excerpts that begin with a word, not with punctuation or a stray '. '", async () => {
    for (const q of ["规定", "市民", "热线", "垃圾"]) {
      await search(q);
      const excerpts = await page.locator("#search-results li > p:last-child").allTextContents();
      expect(excerpts.length, q).toBeGreaterThan(0);
      for (const text of excerpts) {
        expect(text, q).not.toMatch(/^[\s，。、；：！？,.;:!?）」』”’》…·]/u);
        expect(text, q).not.toMatch(/[\p{Script=Han}]\.\s/u);
      }
    }
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
