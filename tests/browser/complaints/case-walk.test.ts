import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { DEMO_PASSWORD } from "../../../scripts/seed/staff.ts";
import { browserForFile, expectAxeCleanAt, makeJpeg, poll, VIEWPORTS } from "../kit";
import { menu, signIn } from "../staff/helpers";
import { caseState } from "./case-helpers";

// The whole life of one complaint, each person in a browser profile of their own: a resident files
// it on a phone, the command centre takes it in and sends it to a unit, the unit deals with it, the
// command centre verifies and closes it, and the resident follows every step and rates the result.

const baseUrl = inject("baseUrl");
const DISPATCHER = "dispatcher@demo.qingxi.example";
const HANDLER = "handler@demo.qingxi.example";
const browser = browserForFile();

function residentContext(): Promise<BrowserContext> {
  return browser().newContext({
    viewport: VIEWPORTS.phone,
    locale: "zh-CN",
    // Filing is throttled per client address: the resident comes from one no other test uses.
    extraHTTPHeaders: { "cf-connecting-ip": "198.51.100.201" },
  });
}

function staffContext(): Promise<BrowserContext> {
  return browser().newContext({ viewport: VIEWPORTS.desktop, locale: "zh-CN" });
}

/** Files through the public form by pointer, and returns the case number and the tracking link. */
async function fileThroughTheForm(page: Page): Promise<{ caseNumber: string; trackingHref: string }> {
  await page.goto(`${baseUrl}/complaints/new/`);
  await page.locator("astro-island:not([ssr])").waitFor({ state: "attached" });
  await page.getByLabel("事件 · 街面秩序").check();
  // A label holds the plain name and the official one ("路边、楼道乱堆杂物 乱堆物堆料").
  await page.getByLabel("乱堆物堆料").check();
  await page.getByRole("button", { name: "下一步" }).click();
  await page.getByLabel("地址或地标").fill("临河路 27 号 菜场北门");
  await page.getByLabel("所在社区").selectOption({ label: "临河社区" });
  await page.getByRole("button", { name: "下一步" }).click();
  await page.getByLabel("问题描述").fill("菜场北门外的人行道上堆满了纸箱和泡沫箱，行人只能绕到车道上走。");
  await page.getByRole("button", { name: "下一步" }).click();
  await page.getByLabel(/我已阅读个人信息保护说明/).check();
  await page.getByRole("button", { name: "下一步" }).click();
  await page.getByRole("button", { name: "确认提交" }).click();
  await page.getByRole("heading", { name: "投诉已提交" }).waitFor();
  const caseNumber = (await page.locator("[data-case-number]").getAttribute("data-case-number")) ?? "";
  const trackingHref = (await page.locator(".tracking-link a").getAttribute("href")) ?? "";
  expect(caseNumber).toMatch(/^\d{6}-\d{4,6}$/);
  expect(trackingHref).toMatch(/\/complaints\/track\/#t=[A-Za-z0-9_-]{22}$/);
  return { caseNumber, trackingHref };
}

/** Opens a case from a console list (checking which view it is), paging on with 下一页 until its row shows. */
async function openFromList(page: Page, listPath: string, view: string, caseNumber: string): Promise<void> {
  await page.goto(baseUrl + listPath);
  const tabs = page.getByRole("navigation", { name: "案件视图" });
  await expect(tabs.locator('[aria-current="page"]').textContent()).resolves.toBe(view);
  const link = page.getByRole("link", { name: caseNumber, exact: true });
  for (let pages = 1; ; pages++) {
    const caption = await page.locator("#cases-caption").textContent();
    if (await link.count()) break;
    expect(pages, `${caseNumber} is not in ${listPath}`).toBeLessThan(20);
    await page.getByRole("button", { name: "下一页" }).click();
    await poll(() => page.locator("#cases-caption").textContent()).not.toBe(caption);
  }
  await link.click();
  await page.locator("#case-title").getByText(caseNumber).waitFor();
}

/** Opens an action's form, lets `fill` fill it in, sends it and waits for the console's answer. */
async function act(page: Page, action: string, done: string, fill?: () => Promise<void>): Promise<void> {
  await page.getByRole("button", { name: action, exact: true }).click();
  await page.locator("#action-form").waitFor();
  await fill?.();
  await page.getByRole("button", { name: `确认${action}` }).click();
  await page.getByRole("status").filter({ hasText: done }).waitFor();
}

const STEPS = ["提交投诉", "立案", "派遣", "开始处理", "处理完毕", "核查结案（已解决）"];

describe("a complaint from filing to rating", () => {
  it("is filed, accepted, dispatched, handled and closed, each step shown to the resident, who rates it", async () => {
    const resident = await (await residentContext()).newPage();
    const { caseNumber, trackingHref } = await fileThroughTheForm(resident);

    // The handler signs in first, so the dispatcher knows where to send the case: the handler's unit.
    const handler = await (await staffContext()).newPage();
    await signIn(handler, baseUrl, HANDLER, DEMO_PASSWORD);
    await menu(handler).waitFor();
    const handlerUnit = await handler.evaluate(() =>
      fetch("/api/staff/auth/me")
        .then((res) => res.json())
        .then((me) => ({ id: me.unitId as string, name: me.unitName as string })),
    );
    expect(handlerUnit.id).toBeTruthy();

    // 立案 and 派遣, in the command centre.
    const dispatcher = await (await staffContext()).newPage();
    await signIn(dispatcher, baseUrl, DISPATCHER, DEMO_PASSWORD);
    await menu(dispatcher).getByRole("link", { name: "案件办理" }).click();
    await openFromList(dispatcher, "/staff/complaints/", "待立案", caseNumber);
    await expect(caseState(dispatcher).textContent()).resolves.toBe("已受理待立案");
    await act(dispatcher, "立案", "已立案。");
    await act(dispatcher, "派遣", "已派遣。", () =>
      dispatcher
        .getByLabel("处置单位")
        .selectOption(handlerUnit.id)
        .then(() => undefined),
    );
    await expect(dispatcher.locator(".facts").textContent()).resolves.toContain(handlerUnit.name);

    // 开始处理 and 处理完毕 with a result and a photo, by the unit, from its own queue.
    await openFromList(handler, "/staff/complaints/", "本单位待办", caseNumber);
    await act(handler, "开始处理", "已开始处理。");
    await handler.getByRole("button", { name: "处理完毕", exact: true }).click();
    await handler.getByLabel("处理结果", { exact: true }).fill("已联系菜场管理方清走纸箱和泡沫箱，人行道已恢复通行。");
    await handler.getByLabel("处理结果照片（选填）").setInputFiles({
      name: "after.jpg",
      mimeType: "image/jpeg",
      buffer: await makeJpeg(browser(), 2600, 1300),
    });
    const preview = handler.getByAltText("处理结果照片的预览");
    await preview.waitFor();
    // The photo was shrunk in the browser before it was sent.
    await poll(() => preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(2048);
    await expectAxeCleanAt(handler, [VIEWPORTS.desktop, VIEWPORTS.tablet]);
    await handler.getByRole("button", { name: "确认处理完毕" }).click();
    await handler.getByRole("status").filter({ hasText: "已报告处理完毕" }).waitFor();
    await expect(caseState(handler).textContent()).resolves.toBe("已处理待核查");
    const result = handler.getByAltText("处置结果第 1 张照片");
    await poll(() => result.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(2048);

    // 核查结案, back in the command centre, on the page it left open: reloaded first.
    await dispatcher.reload();
    await dispatcher.locator("#case-title").waitFor();
    await expect(caseState(dispatcher).textContent()).resolves.toBe("已处理待核查");
    await act(dispatcher, "核查结案（已解决）", "已核查结案", () =>
      dispatcher.getByLabel("结案说明").fill("已到现场核查，人行道已清理干净。"),
    );
    await expect(caseState(dispatcher).textContent()).resolves.toBe("已结案（已解决）");

    // The resident's tracking page: every step, each with its date, then the rating.
    await resident.goto(trackingHref);
    await resident.locator(".state").getByText("已结案（已解决）").waitFor();
    const steps = resident.locator("ol.timeline > li");
    await expect(steps.locator("strong").allTextContents()).resolves.toEqual(STEPS);
    for (let i = 0; i < STEPS.length; i++) {
      const time = steps.nth(i).locator("time");
      await expect(time.textContent()).resolves.toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d$/);
      expect(Number.isNaN(Date.parse((await time.getAttribute("datetime")) ?? ""))).toBe(false);
    }
    await expect(steps.nth(4).textContent()).resolves.toContain(handlerUnit.name);

    await resident.getByLabel("满意", { exact: true }).check();
    await resident.getByRole("button", { name: "提交评价" }).click();
    const rated = resident.getByRole("region", { name: "您的评价" });
    await rated.waitFor();
    await expect(rated.textContent()).resolves.toMatch(/^您的评价满意（\d{4}年/);
    await expect(resident.getByRole("button", { name: "提交评价" }).count()).resolves.toBe(0);

    // The command centre sees the rating on the case.
    await dispatcher.reload();
    await dispatcher.locator("#case-title").waitFor();
    await expect(dispatcher.locator(".facts").textContent()).resolves.toContain("市民评价满意");

    for (const page of [resident, handler, dispatcher]) await page.context().close();
  });
});
