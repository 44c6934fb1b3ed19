import type { Locator } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { browserForFile, poll, VIEWPORTS, withSeniorMode } from "./kit";

const baseUrl = inject("baseUrl");
const browser = browserForFile();

describe("senior mode (长者模式)", () => {
  it("is switched on by keyboard, enlarges the text and is remembered on the next page", async () => {
    const page = await browser().newPage({ viewport: VIEWPORTS.phone });
    await page.goto(`${baseUrl}/notices/`);
    const toggle = page.getByRole("button", { name: "长者模式" });
    await expect(toggle.getAttribute("aria-pressed")).resolves.toBe("false");
    const before = await page.evaluate(() => Number.parseFloat(getComputedStyle(document.body).fontSize));

    await toggle.focus();
    await page.keyboard.press("Enter");
    await expect(toggle.getAttribute("aria-pressed")).resolves.toBe("true");
    const after = await page.evaluate(() => Number.parseFloat(getComputedStyle(document.body).fontSize));
    expect(after).toBeGreaterThanOrEqual(before * 1.2);

    await page.goto(`${baseUrl}/regulations/`);
    expect(await page.evaluate(() => document.documentElement.classList.contains("senior"))).toBe(true);
    await expect(page.getByRole("button", { name: "长者模式" }).getAttribute("aria-pressed")).resolves.toBe("true");

    await page.getByRole("button", { name: "长者模式" }).press("Space");
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.classList.contains("senior"))).toBe(false);
    await page.close();
  });

  it("looks different on and off, says when it is on, and the same button turns it off", async () => {
    const page = await browser().newPage({ viewport: VIEWPORTS.phone });
    await page.goto(`${baseUrl}/`);
    const toggle = page.getByRole("button", { name: "长者模式" });
    const look = (t: Locator) =>
      t.evaluate((el) => {
        const s = getComputedStyle(el);
        // biome-ignore lint/performance/useDomNodeTextContent: what is shown, not the hidden "：开" when off.
        return { background: s.backgroundColor, color: s.color, text: (el as HTMLElement).innerText };
      });
    const off = await look(toggle);
    await toggle.click();
    await expect(toggle.getAttribute("aria-pressed")).resolves.toBe("true");
    const on = await look(toggle);
    expect(on.background).not.toBe(off.background);
    expect(on.color).not.toBe(off.color);
    expect(off.text).not.toContain("开");
    expect(on.text).toContain("长者模式：开");
    // The way back: the button says how to leave, and one press does.
    await expect(page.getByRole("button", { name: /长者模式：开/ }).count()).resolves.toBe(1);
    await toggle.click();
    expect(await look(toggle)).toEqual(off);
    await page.close();
  });

  it("keeps each step label of the filing form on one line, unbroken, at 360 px in senior mode", async () => {
    const page = await browser().newPage({ viewport: VIEWPORTS.phone });
    await withSeniorMode(page);
    await page.goto(`${baseUrl}/complaints/new/`);
    const labels = page.locator(".step-progress li");
    await poll(() => labels.count()).toBe(5);
    for (const label of await labels.all()) {
      const { lines, overflow, text } = await label.evaluate((li) => {
        const range = document.createRange();
        range.selectNodeContents(li);
        const tops = new Set([...range.getClientRects()].filter((r) => r.width > 1).map((r) => Math.round(r.top)));
        return { lines: tops.size, overflow: li.scrollWidth - li.clientWidth, text: li.textContent };
      });
      expect(lines, text ?? "").toBe(1);
      expect(overflow, text ?? "").toBeLessThanOrEqual(0);
    }
    await page.close();
  });

  it("lays every kind of page out without sideways scrolling at 200% zoom", async () => {
    // 200% zoom of a 1280 px window: 640 CSS px at device scale 2.
    const context = await browser().newContext({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
    await context.addInitScript(() => localStorage.setItem("senior", "1"));
    const page = await context.newPage();
    for (const path of ["/", "/notices/", "/regulations/construction-dust-interim-2025/", "/letter/", "/search/"]) {
      await page.goto(baseUrl + path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await context.close();
  });

  it("hides the toggle when JavaScript is off, since it could do nothing", async () => {
    const context = await browser().newContext({ javaScriptEnabled: false, viewport: VIEWPORTS.phone });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/`);
    await expect(page.getByRole("button", { name: "长者模式" }).isVisible()).resolves.toBe(false);
    await expect(page.locator("h1").isVisible()).resolves.toBe(true);
    await context.close();
  });
});
