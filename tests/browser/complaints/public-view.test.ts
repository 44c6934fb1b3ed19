import { describe, expect, inject, it } from "vitest";
import { CLOSED_STATES, STATE_LABELS } from "../../../src/shared/complaints/states";
import { browserForFile, expectAxeClean, isFocused, poll, VIEWPORTS, watchCsp, withSeniorMode } from "../kit";
import { acceptByApi, fileByApi } from "./case-helpers";
import { residentContext, uniqueStreet } from "./resident";

// What anyone sees of complaints without filing one: the public list, hot spots and open data,
// and the three complaint pages in senior mode.

const baseUrl = inject("baseUrl");
const browser = browserForFile();

describe("the public view of complaints", () => {
  it("lists an accepted case by its gazetteer place, without the address, name or phone given, and counts it", async () => {
    const street = uniqueStreet();
    const filed = await fileByApi(baseUrl, {
      categoryId: "C0305",
      addressText: `${street} 9 号 2 单元`,
      communityId: "liuan",
      placeId: "liuan-market",
      name: "欧阳娜娜",
      callbackWanted: true,
      phone: "13712345678",
    });
    // Listed once staff accepted it: nothing a resident sent is published unread.
    await acceptByApi(baseUrl, filed.caseNumber);
    for (const viewport of [VIEWPORTS.phone, VIEWPORTS.desktop]) {
      const context = await residentContext(browser(), { viewport });
      const page = await context.newPage();
      await page.goto(`${baseUrl}/complaints/`);
      const card = page.locator(".public-case").filter({ hasText: filed.caseNumber });
      await card.waitFor();
      const text = (await card.textContent()) ?? "";
      expect(text).toContain("垃圾箱损坏");
      expect(text).toContain("柳岸社区");
      expect(text).toContain("柳岸农贸市场");
      expect(text).toContain("已立案");
      const main = (await page.locator("main").textContent()) ?? "";
      for (const secret of [street, "欧阳", "13712345678", "9 号", "2 单元", filed.trackingToken])
        expect(main).not.toContain(secret);

      await page.locator("#hotspots-heading").scrollIntoViewIfNeeded();
      const table = page.getByRole("table", { name: /近 30 天/ });
      await table.waitFor();
      const showAll = page.getByRole("button", { name: /显示全部/ });
      if (await showAll.count()) await showAll.click();
      const row = table
        .locator("tbody tr")
        .filter({ has: page.locator('th[scope="row"]', { hasText: "柳岸社区" }) })
        .filter({ has: page.locator('th[scope="row"]', { hasText: "垃圾箱损坏" }) });
      expect(Number(await row.locator("td").textContent())).toBeGreaterThanOrEqual(1);
      await expect(page.getByRole("img", { name: /投诉最多的社区和问题类别/ }).count()).resolves.toBe(1);

      await page.locator("#open-data-heading").scrollIntoViewIfNeeded();
      const csv = page.getByRole("link", { name: /下载 CSV/ });
      await csv.waitFor();
      const csvUrl = new URL((await csv.getAttribute("href")) ?? "", baseUrl);
      expect(csvUrl.pathname).toBe("/api/complaints/open-data.csv");
      const res = await fetch(csvUrl);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain(filed.caseNumber);
      await expect(page.getByRole("link", { name: "我要投诉" }).getAttribute("href")).resolves.toBe("/complaints/new/");
      await expect(page.getByRole("link", { name: "查询进度" }).getAttribute("href")).resolves.toBe(
        "/complaints/track/",
      );
      await expectAxeClean(page, `public view at ${viewport.width} px`);
      await context.close();
    }
  });

  it("filters the cases by state and loads ten more at a time, moving focus to the first new one", async () => {
    const context = await residentContext(browser(), { viewport: VIEWPORTS.desktop });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/complaints/`);
    const cards = page.locator(".public-case");
    await poll(() => cards.count()).toBe(10);
    await page.getByLabel("已结案").check();
    const closedLabels = CLOSED_STATES.map((s) => STATE_LABELS[s]);
    const allClosed = async () => {
      const tags = await cards.locator(".tag").allTextContents();
      return tags.length > 0 && tags.every((t) => closedLabels.includes(t));
    };
    await poll(allClosed).toBe(true);
    await page.getByRole("button", { name: "加载更多" }).click();
    await poll(() => cards.count()).toBe(20);
    await poll(() => isFocused(cards.nth(10).locator("h3"))).toBe(true);
    await poll(allClosed).toBe(true);
    await expectAxeClean(page, "closed cases, two pages");
    await context.close();
  });

  it("keeps the three complaint pages axe-clean and without sideways scroll in senior mode on a phone", async () => {
    const context = await residentContext(browser());
    const page = await context.newPage();
    await withSeniorMode(page);
    const cspViolations = await watchCsp(page);
    for (const path of ["/complaints/new/", "/complaints/track/", "/complaints/"]) {
      const res = await page.goto(baseUrl + path);
      expect(res?.headers()["content-security-policy"], path).toContain("script-src 'self'");
      await page.locator("astro-island:not([ssr])").first().waitFor({ state: "attached" });
      expect(await page.evaluate(() => document.documentElement.classList.contains("senior"))).toBe(true);
      await expectAxeClean(page, `${path} in senior mode`);
      await expect(cspViolations(), path).resolves.toEqual([]);
    }
    await context.close();
  });
});
