import { describe, expect, inject, it } from "vitest";
import { browserForFile, expectAxeClean, VIEWPORTS, withSeniorMode } from "./kit";
import { PAGE_STATES, PAGE_TEMPLATES } from "./pages";
import { staffStorageState } from "./sweeps/staff-demo";

const baseUrl = inject("baseUrl");
const browser = browserForFile();

const modes = [
  { mode: "normal", senior: false },
  { mode: "senior", senior: true },
] as const;

describe.each(Object.entries(VIEWPORTS))("at %s size", (_label, viewport) => {
  describe.each(modes)("in $mode mode", ({ senior }) => {
    it.each(PAGE_TEMPLATES)("$name has no WCAG 2.2 AA violations and no sideways scroll", async ({ path }) => {
      const context = await browser().newContext({ viewport, locale: "zh-CN" });
      const page = await context.newPage();
      if (senior) await withSeniorMode(page);
      await page.goto(baseUrl + path);
      if (path.startsWith("/search/")) await page.locator("#search-results li").first().waitFor();
      expect(await page.evaluate(() => document.documentElement.classList.contains("senior"))).toBe(senior);
      await expectAxeClean(page, path);
      await context.close();
    });

    it.each(PAGE_STATES)("$name has no WCAG 2.2 AA violations and no sideways scroll", async (state) => {
      // A console page is opened signed in, as the demo account the state names.
      const staff = "staff" in state ? await staffStorageState(browser(), baseUrl, state.staff) : undefined;
      const context = await browser().newContext({ viewport, locale: "zh-CN", storageState: staff });
      const page = await context.newPage();
      if (senior) await withSeniorMode(page);
      await page.addInitScript((items: Record<string, string>) => {
        for (const [key, value] of Object.entries(items)) localStorage.setItem(key, value);
      }, state.storage);
      await page.goto(baseUrl + state.path);
      await page.locator(state.ready).first().waitFor();
      await expectAxeClean(page, `${state.path} (${state.name})`);
      await context.close();
    });
  });
});
