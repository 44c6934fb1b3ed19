import { describe, expect, inject, it } from "vitest";
import { browserForFile, VIEWPORTS } from "./kit";
import { PAGE_TEMPLATES } from "./pages";

const baseUrl = inject("baseUrl");
const browser = browserForFile();

describe("the publishing site, served by the Worker", () => {
  it("answers an unknown page with status 404 and the site's 404 page", async () => {
    const res = await fetch(`${baseUrl}/no-such-page/`);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("页面不存在");
  });

  it("gives every page its own title and description, and indexable pages a canonical URL", async () => {
    const page = await browser().newPage();
    const titles = new Set<string>();
    for (const { path } of PAGE_TEMPLATES.filter((t) => !t.path.includes("?"))) {
      await page.goto(baseUrl + path);
      const title = await page.title();
      expect(title, path).toMatch(/青溪区城市管理局$/);
      titles.add(title);
      const description = await page.locator('meta[name="description"]').getAttribute("content");
      expect(description?.length, path).toBeGreaterThan(5);
      // Pages kept out of search engines (404, tracking, a sign-up's manage page, a group's page, a guardian's consent page, a certificate opened by the manage link, the leader's page, a booking's manage page, an application's lookup, the staff console) carry noindex instead.
      if ((await page.locator('meta[name="robots"][content~="noindex"]').count()) === 0) {
        const canonical = await page.locator('link[rel="canonical"]').getAttribute("href");
        expect(canonical, path).toBe(`https://portal.qingxi.example${path}`);
      } else {
        expect(
          [
            "/no-such-page/",
            "/complaints/track/",
            "/staff/",
            "/volunteer/manage/",
            "/volunteer/group/",
            "/volunteer/certificate/",
            "/volunteer/consent/",
            "/volunteer/lead/",
            "/appointments/manage/",
            "/appointments/application/",
          ],
          path,
        ).toContain(path);
      }
    }
    expect(titles.size).toBe(PAGE_TEMPLATES.filter((t) => !t.path.includes("?")).length);
    await page.close();
  });

  it("lists notices newest first, 10 to a page, and filters them by kind", async () => {
    const page = await browser().newPage({ viewport: VIEWPORTS.phone });
    await page.goto(`${baseUrl}/notices/`);
    const dates = await page.locator("main time").evaluateAll((els) => els.map((e) => e.getAttribute("datetime")));
    expect(dates).toHaveLength(10);
    expect([...dates].sort().reverse()).toEqual(dates);
    await page.getByRole("link", { name: "下一页" }).click();
    await expect(page.locator("main li.card").count()).resolves.toBeGreaterThan(0);
    await page.getByRole("link", { name: "节假日保障" }).click();
    const kinds = await page.locator("main li.card .tag").allTextContents();
    expect(kinds.length).toBeGreaterThan(0);
    expect(new Set(kinds)).toEqual(new Set(["节假日保障"]));
    await page.close();
  });

  it("marks a repealed regulation on its own page and links to the one that replaces it", async () => {
    const page = await browser().newPage();
    await page.goto(`${baseUrl}/regulations/construction-dust-interim-2025/`);
    await expect(page.getByRole("note").textContent()).resolves.toContain("本文件已废止");
    const meta = (await page.locator("dl").textContent()) ?? "";
    for (const field of ["发文机关", "发文字号", "成文日期", "发布日期", "主题分类", "有效性"])
      expect(meta).toContain(field);
    await page.getByRole("note").getByRole("link").click();
    expect(new URL(page.url()).pathname).toBe("/regulations/city-appearance-street-order/");
    await expect(page.locator("main").textContent()).resolves.toContain("本文件取代");
    await page.close();
  });

  it("lets a keyboard user skip straight to the content", async () => {
    const page = await browser().newPage({ viewport: VIEWPORTS.phone });
    await page.goto(`${baseUrl}/notices/`);
    await page.keyboard.press("Tab");
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe("跳到正文");
    await page.keyboard.press("Enter");
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("main");
    await page.close();
  });

  it("publishes an RSS feed of every notice and a sitemap without the 404 page", async () => {
    const rss = await (await fetch(`${baseUrl}/notices/rss.xml`)).text();
    expect(rss).toContain("<rss");
    expect(rss.match(/<item>/g)?.length).toBeGreaterThanOrEqual(12);
    expect(rss).toContain("关于规范桂园夜市经营秩序的通告");
    const sitemap = await (await fetch(`${baseUrl}/sitemap-0.xml`)).text();
    expect(sitemap).toContain("https://portal.qingxi.example/regulations/outdoor-signboard-measures/");
    expect(sitemap).not.toContain("404");
  });
});
