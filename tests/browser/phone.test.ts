import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { browserForFile, VIEWPORTS, withSeniorMode } from "./kit";
import { PAGE_TEMPLATES } from "./pages";

// What a resident meets on a 360 px phone around the content: the header, footer and breadcrumbs
// as tap targets, the hotline as a call, the feed and the site map as pages, Chinese headings.

const baseUrl = inject("baseUrl");
const browser = browserForFile();

/** The issue asks 44 × 44 CSS px (WCAG 2.5.5's size; 2.5.8 asks 24). */
const TAP = 44;
const DOCUMENTS = [
  "/",
  "/notices/guiyuan-night-market-order/",
  "/regulations/construction-dust-interim-2025/",
  "/letter/",
];

async function phonePage(senior: boolean): Promise<Page> {
  const page = await browser().newPage({ viewport: VIEWPORTS.phone });
  if (senior) await withSeniorMode(page);
  return page;
}

describe("on a 360 px phone", () => {
  it.each([false, true])(
    "gives every link and button of the header, footer and breadcrumbs 44 × 44 px (senior: %s)",
    async (senior) => {
      const page = await phonePage(senior);
      for (const path of DOCUMENTS) {
        await page.goto(baseUrl + path);
        const targets = page.locator(
          ".site-header a:visible, .site-header button:visible, .site-footer a:visible, .breadcrumbs a:visible",
        );
        expect(await targets.count(), path).toBeGreaterThan(8);
        for (const target of await targets.all()) {
          const box = await target.boundingBox();
          const name = `${path} ${await target.textContent()}`;
          // Layout rounds to fractions of a pixel: 2.75rem can measure 43.99.
          expect(box?.width, name).toBeGreaterThanOrEqual(TAP - 0.5);
          expect(box?.height, name).toBeGreaterThanOrEqual(TAP - 0.5);
        }
      }
      await page.close();
    },
  );

  it("makes every mention of the hotline 12345 a tel: link, on every page", async () => {
    const page = await phonePage(false);
    const unlinked = async () =>
      page.evaluate(() => {
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        const found: string[] = [];
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          if (!/(?<!\d)12345(?!\d)/.test(n.nodeValue ?? "")) continue;
          if (n.parentElement?.closest("script, noscript, [hidden]")) continue;
          if (!n.parentElement?.closest('a[href="tel:12345"]')) found.push((n.nodeValue ?? "").trim());
        }
        return { found, links: document.querySelectorAll('a[href="tel:12345"]').length };
      });
    for (const { path } of PAGE_TEMPLATES) {
      await page.goto(baseUrl + path);
      await page.waitForLoadState("networkidle");
      const { found, links } = await unlinked();
      expect(found, path).toEqual([]);
      expect(links, path).toBeGreaterThanOrEqual(1);
    }
    await page.goto(`${baseUrl}/letter/`);
    await expect(page.locator('main a[href="tel:12345"]').count()).resolves.toBeGreaterThanOrEqual(1);
    await page.close();
  });

  it("opens the RSS feed as a page that says what a feed is, and lists the notices", async () => {
    const rss = await (await fetch(`${baseUrl}/notices/rss.xml`)).text();
    expect(rss).toMatch(/^<\?xml [^>]*\?>\s*<\?xml-stylesheet href="\/rss\.xsl" type="text\/xsl"\?>/);
    const xsl = await fetch(`${baseUrl}/rss.xsl`);
    expect(xsl.status).toBe(200);
    const page = await phonePage(false);
    await page.goto(`${baseUrl}/notices/rss.xml`);
    await expect(page.locator("h1").textContent()).resolves.toContain("订阅");
    await expect(page.locator("body").textContent()).resolves.toContain("什么是 RSS");
    await expect(page.getByRole("link", { name: "关于规范桂园夜市经营秩序的通告" }).count()).resolves.toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.close();
  });

  it("links the footer's RSS 订阅 to a page that explains feeds and gives the feed's address", async () => {
    const page = await phonePage(false);
    await page.goto(`${baseUrl}/`);
    await page.locator(".site-footer").getByRole("link", { name: "RSS 订阅" }).click();
    expect(new URL(page.url()).pathname).toBe("/feeds/");
    await expect(page.locator("h1").textContent()).resolves.toBe("订阅更新");
    await expect(page.locator(".feed-url").first().textContent()).resolves.toMatch(/\/notices\/rss\.xml$/);
    const feed = page.locator("main").getByRole("link", { name: "打开通知公告订阅源" });
    await expect(feed.getAttribute("href")).resolves.toBe("/notices/rss.xml");
    await page.close();
  });

  it("links the footer's 网站地图 to a page for people, listing the site's sections", async () => {
    const page = await phonePage(false);
    await page.goto(`${baseUrl}/`);
    await page.locator(".site-footer").getByRole("link", { name: "网站地图" }).click();
    expect(new URL(page.url()).pathname).toBe("/sitemap/");
    await expect(page.locator("h1").textContent()).resolves.toBe("网站地图");
    for (const name of ["通知公告", "政策法规", "告市民书", "我要投诉"])
      await expect(page.locator("main").getByRole("link", { name }).count(), name).resolves.toBeGreaterThan(0);
    await page.close();
  });

  it.each([false, true])(
    "balances headings, leaving no character alone on a heading's last line (senior: %s)",
    async (senior) => {
      const page = await phonePage(senior);
      for (const path of ["/notices/", "/notices/summer-student-sweep-2025/", "/regulations/", "/letter/"]) {
        await page.goto(baseUrl + path);
        const headings = await page.locator("main h1, main h2").evaluateAll((els) =>
          els.map((h) => {
            // The characters of the heading's last line, from each character's own box.
            const range = document.createRange();
            const chars: { top: number; ch: string }[] = [];
            const walker = document.createTreeWalker(h, NodeFilter.SHOW_TEXT);
            for (let n = walker.nextNode(); n; n = walker.nextNode())
              for (let i = 0; i < (n.nodeValue ?? "").length; i++) {
                range.setStart(n, i);
                range.setEnd(n, i + 1);
                const r = range.getBoundingClientRect();
                if (r.width > 0) chars.push({ top: Math.round(r.top), ch: (n.nodeValue ?? "")[i] ?? "" });
              }
            const last = Math.max(...chars.map((c) => c.top));
            const lastLine = chars.filter((c) => c.top === last && c.ch.trim()).map((c) => c.ch);
            return { text: h.textContent ?? "", wrap: getComputedStyle(h).textWrapStyle, lastLine: lastLine.join("") };
          }),
        );
        for (const h of headings) {
          expect(h.wrap, h.text).toBe("balance");
          if (h.text.length > 2) expect([...h.lastLine].length, `${path}: ${h.text}`).toBeGreaterThan(1);
        }
      }
      await page.close();
    },
  );
});
