import type { Locator, Page } from "playwright-core";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { browserForFile, expectAxeClean, poll, VIEWPORTS } from "../kit";
import { fileByApi, type Session, staffContext, staffSession } from "./case-helpers";

// An officer on a phone (360 × 800): the list shows each case's deadline without scrolling
// sideways, and a case page puts its deadline and actions on the first screen, not below its facts.

const baseUrl = inject("baseUrl");
const PHONE = VIEWPORTS.phone;
const browser = browserForFile();
let dispatcher: Session;

beforeAll(async () => {
  dispatcher = await staffSession(browser(), baseUrl, "dispatcher@demo.qingxi.example");
});

/** Where an element lies on the page as first shown: its box, scrolled to the top. */
async function boxOf(page: Page, target: Locator) {
  await page.evaluate(() => window.scrollTo(0, 0));
  const box = await target.boundingBox();
  if (!box) throw new Error("not shown");
  return box;
}

describe("the case console on a phone", () => {
  it("lists cases with their deadline in view, opens one with deadline and actions first, and goes back to the same list", async () => {
    const filed = await fileByApi(baseUrl, { addressText: "柳岸路 8 号 手机测试" });
    const context = await staffContext(browser(), dispatcher, PHONE);
    const page = await context.newPage();
    const listPath = `/staff/complaints/?view=all&q=${filed.caseNumber}`;
    await page.goto(`${baseUrl}${listPath}`);
    await poll(() => page.locator("#cases-caption").textContent()).toMatch(/^全部（已筛选）：第 1 页，本页 1 件/);

    // The case's running deadline is shown inside the phone's width, not seven columns to the right.
    const entry = page.locator("li, tr").filter({ hasText: filed.caseNumber });
    const clock = entry.getByText(/剩余 \d+ 分钟/);
    await expect(clock.isVisible()).resolves.toBe(true);
    const clockBox = await boxOf(page, clock);
    expect(clockBox.x).toBeGreaterThanOrEqual(0);
    expect(clockBox.x + clockBox.width).toBeLessThanOrEqual(PHONE.width);
    await expect(page.locator("table").count()).resolves.toBe(0);
    await expectAxeClean(page, "case list at 360 px");

    await entry.getByRole("link", { name: filed.caseNumber }).click();
    await page.waitForURL(/\/staff\/complaints\/case\/\?id=\d+&list=/);
    await page.locator("#case-title").waitFor();

    // The deadline and the first action are on the first screen.
    const deadline = page.locator(".case-deadline");
    await expect(deadline.textContent()).resolves.toMatch(/^立案时限：.*剩余 \d+ 分钟$/);
    expect((await boxOf(page, deadline)).y).toBeLessThan(PHONE.height);
    const accept = page.getByRole("button", { name: "立案" });
    const acceptBox = await boxOf(page, accept);
    expect(acceptBox.y + acceptBox.height).toBeLessThanOrEqual(PHONE.height);
    expect((await boxOf(page, page.locator("#actions-heading"))).y).toBeLessThan(
      (await boxOf(page, page.locator("#facts-heading"))).y,
    );

    // No shortcut legend, nor shortcut keys, without a keyboard to use them.
    await expect(page.getByRole("heading", { name: "键盘快捷键" }).count()).resolves.toBe(0);
    await expect(accept.getAttribute("aria-keyshortcuts")).resolves.toBeNull();
    await page.locator("#case-title").click();
    await page.keyboard.press("a");
    await expect(page.locator("#action-form").count()).resolves.toBe(0);
    await expectAxeClean(page, "case page at 360 px");

    // Back to the list as it was: the same view and filter.
    await page.getByRole("link", { name: "返回“全部”列表（保留筛选条件）" }).click();
    await page.waitForURL(`${baseUrl}${listPath}`);
    await poll(() => page.locator("#cases-caption").textContent()).toMatch(/^全部（已筛选）：第 1 页，本页 1 件/);
    await context.close();
  });
});
