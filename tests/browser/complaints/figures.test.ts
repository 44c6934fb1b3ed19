import type { BrowserContextOptions, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { DEMO_REPORTERS } from "../../../scripts/seed/complaints.ts";
import { RATES } from "../../../src/shared/complaints/figures";
import { axeViolations, browserForFile, expectAxeClean, poll, VIEWPORTS, withSeniorMode } from "../kit";
import {
  apiFigures,
  expectedSummary,
  expectFigures,
  openFigures,
  shown,
  summary,
  watchLayoutShift,
  zhMonth,
} from "./figures-page";

// The public figures page against the seeded demo data: the numbers it shows are compared with
// what the API answers for the same month, fetched here. The demo cases of the last four months
// give the last three full months figures; the year before them has none.

const baseUrl = inject("baseUrl");
const browser = browserForFile();

async function newPage(options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser().newContext({ viewport: VIEWPORTS.desktop, locale: "zh-CN", ...options });
  return context.newPage();
}

describe("the public figures page", () => {
  it("shows last month's six bureau-wide rates, with the counts behind each, as the API computes them", async () => {
    const api = await apiFigures();
    expect(api.total.counts.received).toBeGreaterThan(0);
    const page = await newPage();
    await openFigures(page);
    await expect(page.getByLabel("统计月份").inputValue()).resolves.toBe(api.month);
    await expect(summary(page)).resolves.toEqual(expectedSummary(api));
    await expect(page.locator(".figures-period").textContent()).resolves.toBe(
      `${zhMonth(api.month)}1日至${Number(api.to.slice(8))}日（北京时间），共收到投诉 ${api.total.counts.received} 件。`,
    );
    await page.context().close();
  });

  it("has a row per unit in the API's answer and the bureau-wide total, in a labelled region that scrolls on a phone", async () => {
    const api = await apiFigures();
    expect(api.units.length).toBeGreaterThan(1);
    const page = await newPage({ viewport: VIEWPORTS.phone });
    await openFigures(page);
    const caption = `${zhMonth(api.month)}各处置单位的办理情况`;
    await page.getByRole("table", { name: caption }).waitFor();
    await expectFigures(page, api);
    const headers = await page
      .locator(".figures-table thead th")
      .evaluateAll((ths) => ths.map((th) => [th.getAttribute("scope"), th.firstChild?.textContent?.trim()]));
    expect(headers).toEqual([["col", "处置单位"], ["col", "收到投诉"], ...RATES.map((r) => ["col", r.label])]);
    await expect(page.locator(".figures-table tbody th[scope=row]").count()).resolves.toBe(api.units.length);

    // The table is wider than a phone: its region scrolls, by keyboard too, and the page does not.
    const region = page.getByRole("region", { name: caption });
    await expect(region.evaluate((el) => el.scrollWidth > el.clientWidth)).resolves.toBe(true);
    await region.focus();
    await page.keyboard.press("ArrowRight");
    await poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    await page.context().close();
  });

  it("loads the month picked from the list, and says so when a month has nothing to count", async () => {
    const page = await newPage();
    await openFigures(page);
    const select = page.getByLabel("统计月份");
    const months = await select.locator("option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    const latest = (await apiFigures()).month;
    expect(months).toHaveLength(12);
    expect(months[0]).toBe(latest);

    // The month before by keyboard: the arrow key changes a closed list at once.
    const previous = months[1] ?? "";
    await select.focus();
    await page.keyboard.press("ArrowDown");
    await shown(page, previous);
    await expect(select.inputValue()).resolves.toBe(previous);
    const api = await apiFigures(previous);
    expect(api.total.counts.received).toBeGreaterThan(0);
    await expectFigures(page, api);

    // A year back the demo data has no cases: every rate is "—", explained, and no table.
    const oldest = months.at(-1) ?? "";
    const empty = await apiFigures(oldest);
    expect(empty.units).toEqual([]);
    await select.selectOption(oldest);
    await shown(page, oldest);
    await expect(summary(page)).resolves.toEqual(expectedSummary(empty));
    expect((await summary(page)).map(([, figure]) => figure)).toEqual(RATES.map(() => "—"));
    await expect(page.locator(".figures-table").count()).resolves.toBe(0);
    await page.getByText(`${zhMonth(oldest)}没有可统计的案件。`).waitFor();
    await expect(page.locator("#definitions-heading ~ p").last().textContent()).resolves.toContain(
      "“—”，表示该月没有可计算的案件",
    );
    await page.context().close();
  });

  it("is axe-clean at 360 and 1280 px, in both modes, without sideways scroll or a layout shift as the figures arrive", async () => {
    for (const senior of [false, true]) {
      for (const viewport of [VIEWPORTS.phone, VIEWPORTS.desktop]) {
        const where = `${viewport.width} px${senior ? ", senior mode" : ""}`;
        const page = await newPage({ viewport });
        if (senior) await withSeniorMode(page);
        const layoutShift = await watchLayoutShift(page);
        await openFigures(page);
        await page.locator(".figures-table").waitFor();
        await expectAxeClean(page, where);
        expect(await layoutShift(), `layout shift at ${where}`).toBeLessThan(0.05);
        await page.context().close();
      }
    }
  });

  it("shows no name or phone number of the demo reporters, in any month the page offers", async () => {
    const page = await newPage();
    await openFigures(page);
    const months = await page
      .getByLabel("统计月份")
      .locator("option")
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    const text = (await page.locator("main").textContent()) ?? "";
    const answers = await Promise.all(
      months.map((m) => fetch(`${baseUrl}/api/complaints/figures?month=${m}`).then((r) => r.text())),
    );
    for (const { name, phone } of DEMO_REPORTERS) {
      for (const secret of [name, phone]) {
        expect(text).not.toContain(secret);
        for (const answer of answers) expect(answer).not.toContain(secret);
      }
    }
    await page.context().close();
  });

  it("shows its headings, explanation and definitions without JavaScript, and says the figures need it", async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto(`${baseUrl}/complaints/figures/`);
    await expect(page.locator("h1").textContent()).resolves.toBe("投诉办理情况统计");
    await expect(page.locator("h2").allTextContents()).resolves.toEqual([
      "全区办理情况",
      "各处置单位办理情况",
      "指标说明",
    ]);
    await expect(page.locator(".definitions dt").allTextContents()).resolves.toEqual(RATES.map((r) => r.label));
    await expect(page.locator(".definitions dd").allTextContents()).resolves.toEqual(RATES.map((r) => r.definition));
    // (Playwright's text search skips <noscript>, even when it is shown: read it by its class.)
    await expect(page.locator("noscript .callout").textContent()).resolves.toContain(
      "统计数字需要启用 JavaScript 才能显示",
    );
    await expect(page.locator("noscript .callout").isVisible()).resolves.toBe(true);
    // The placeholders that hold the island's space are hidden when no island will fill them.
    await expect(page.locator(".rate-summary").isVisible()).resolves.toBe(false);
    await page.context().close();
  });

  it("shows a loading state, then a readable error when the API fails, and the figures after 重试", async () => {
    const page = await newPage({ viewport: VIEWPORTS.phone });
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let calls = 0;
    // The first answer is held, then fails as an overloaded server would; the retry goes through.
    await page.route(
      (url) => url.pathname === "/api/complaints/figures",
      async (route) => {
        if (++calls > 1) return route.continue();
        await held;
        await route.fulfill({
          status: 503,
          contentType: "application/problem+json",
          body: JSON.stringify({ type: "about:blank", title: "服务暂时不可用，请稍后再试。", status: 503 }),
        });
      },
    );
    await page.goto(`${baseUrl}/complaints/figures/`);
    const api = await apiFigures();
    await page
      .locator(".figures-status")
      .getByText(`正在加载${zhMonth(api.month)}的统计…`)
      .waitFor();
    expect((await summary(page)).map(([, figure]) => figure)).toEqual(RATES.map(() => "…"));
    expect(await axeViolations(page), "loading").toEqual([]);

    release();
    const alert = page.getByRole("alert").filter({ hasText: "没有加载成功" });
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain(
      `${zhMonth(api.month)}的统计没有加载成功：服务暂时不可用，请稍后再试。`,
    );
    expect(await axeViolations(page), "error").toEqual([]);
    await alert.getByRole("button", { name: "重试" }).click();
    await shown(page, api.month);
    await expect(page.getByRole("alert").textContent()).resolves.toBe("");
    await expect(summary(page)).resolves.toEqual(expectedSummary(api));
    expect(calls).toBe(2);
    await page.context().close();
  });
});
