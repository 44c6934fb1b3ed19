import { gzipSync } from "node:zlib";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { browserForFile, expectAxeClean, isFocused, makeJpeg, poll, tabTo, watchCsp } from "../kit";
import { expectStep, openFiling, POINTS, residentContext } from "./resident";

// Filing by keyboard alone, step by step, and what the filing page costs to load.

const baseUrl = inject("baseUrl");
const FILING_JS_BUDGET = 90 * 1024;
const browser = browserForFile();
let photo: Buffer;
beforeAll(async () => {
  photo = await makeJpeg(browser(), 2400, 1200);
});

describe("filing a complaint", () => {
  it("files one with a photo by keyboard alone on a phone, axe-clean at every step, and tracks it", async () => {
    const context = await residentContext(browser(), { geolocation: POINTS.hetang, permissions: ["geolocation"] });
    const page = await context.newPage();
    const requested: string[] = [];
    page.on("request", (req) => requested.push(req.url()));
    const cspViolations = await watchCsp(page);
    await openFiling(page);
    await expectAxeClean(page, "step 1");

    // 1 类别: Space picks the major class, the arrow key moves to the second problem of it.
    await tabTo(page, page.getByLabel("事件 · 市容环境"));
    await page.keyboard.press("Space");
    await page.keyboard.press("Tab");
    await poll(() => isFocused(page.getByLabel("私搭乱建"))).toBe(true);
    await page.keyboard.press("ArrowDown");
    await expect(page.getByLabel("暴露垃圾").isChecked()).resolves.toBe(true);
    await tabTo(page, page.getByRole("button", { name: "下一步" }));
    await page.keyboard.press("Enter");

    // 2 位置: the address, then the device position, only on request.
    await expectStep(page, 2, "问题位置");
    await expectAxeClean(page, "step 2");
    await tabTo(page, page.getByLabel("地址或地标"));
    await page.keyboard.type("荷塘路 66 号 公交站旁");
    await tabTo(page, page.getByRole("button", { name: "使用我的位置" }));
    await page.keyboard.press("Enter");
    await page.getByText("已获取位置：问题位于北湖街道荷塘社区。").waitFor();
    await expect(page.getByLabel("所在社区").count()).resolves.toBe(0);
    await expectAxeClean(page, "step 2 with a position");
    await tabTo(page, page.getByRole("button", { name: "下一步" }));
    await page.keyboard.press("Enter");

    // 3 描述与照片: the file input is reached by keyboard, its file set as the OS dialog would.
    await expectStep(page, 3, "描述与照片");
    await tabTo(page, page.getByLabel("问题描述"));
    await page.keyboard.type("公交站旁的垃圾桶满了，垃圾堆在地上已经两天。");
    await expect(page.locator("#description-count").textContent()).resolves.toBe("已输入 22 / 4000 字");
    await tabTo(page, page.locator("#photos"));
    await page.locator("#photos").setInputFiles({ name: "scene.jpg", mimeType: "image/jpeg", buffer: photo });
    await page.getByAltText("第 1 张照片的预览").waitFor();
    await expectAxeClean(page, "step 3 with a photo");
    await tabTo(page, page.getByRole("button", { name: "下一步" }));
    await page.keyboard.press("Enter");

    // 4 联系方式与同意: the consent box starts unticked, and the step refuses to go on without it.
    await expectStep(page, 4, "联系方式与同意");
    await expect(page.getByLabel(/我已阅读个人信息保护说明/).isChecked()).resolves.toBe(false);
    await expect(page.getByLabel("手机号码").count()).resolves.toBe(0);
    await tabTo(page, page.getByRole("button", { name: "下一步" }));
    await page.keyboard.press("Enter");
    const alert = page.getByRole("alert").filter({ hasText: "请阅读个人信息保护说明并勾选同意" });
    await alert.waitFor();
    await poll(() => isFocused(page.locator("#error-summary"))).toBe(true);
    await expect(page.locator("#consent").getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(page.locator("#consent").getAttribute("aria-describedby")).resolves.toBe("consent-error");
    await expectAxeClean(page, "step 4 with an error");
    await tabTo(page, page.getByLabel(/我已阅读个人信息保护说明/));
    await page.keyboard.press("Space");
    await tabTo(page, page.getByRole("button", { name: "下一步" }));
    await page.keyboard.press("Enter");

    // 5 确认提交
    await expectStep(page, 5, "确认提交");
    await expect(page.locator("main").textContent()).resolves.toContain("荷塘路 66 号 公交站旁");
    await expectAxeClean(page, "step 5");
    await tabTo(page, page.getByRole("button", { name: "确认提交" }));
    await page.keyboard.press("Enter");

    const filedHeading = page.getByRole("heading", { name: "投诉已提交" });
    await filedHeading.waitFor();
    await poll(() => isFocused(filedHeading)).toBe(true);
    await expectAxeClean(page, "success");
    const caseNumber = await page.locator("[data-case-number]").getAttribute("data-case-number");
    expect(caseNumber).toMatch(/^\d{6}-\d{4,6}$/);
    const link = page.locator(".tracking-link a");
    const href = (await link.getAttribute("href")) ?? "";
    expect(href).toMatch(new RegExp(`^${baseUrl}/complaints/track/#t=[A-Za-z0-9_-]{22}$`));
    await expect(page.evaluate(() => localStorage.getItem("complaint-draft"))).resolves.toBeNull();

    // The tracking link, followed by keyboard: the case, its state and its timeline.
    await tabTo(page, link);
    await page.keyboard.press("Enter");
    await page.waitForURL(href);
    await page.locator(".state").getByText("已受理待立案").waitFor();
    await expect(page.locator("#case-heading [data-case-number]").getAttribute("data-case-number")).resolves.toBe(
      caseNumber,
    );
    const timeline = page.locator("ol.timeline > li");
    await expect(timeline.count()).resolves.toBe(1);
    await expect(timeline.first().textContent()).resolves.toContain("提交投诉");
    await expect(timeline.first().locator("time").getAttribute("datetime")).resolves.toMatch(/^\d{4}-\d\d-\d\dT/);
    const own = page.getByAltText("您提交的第 1 张照片");
    await own.waitFor();
    await expect(own.getAttribute("src")).resolves.toMatch(/^blob:/);
    // The island shrank the 2400 × 1200 photo to 2048 px on its longest side before upload.
    await poll(() => own.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(2048);
    await expectAxeClean(page, "tracking page");
    await expect(cspViolations()).resolves.toEqual([]);

    const token = href.split("#t=")[1] ?? "";
    expect(requested.filter((url) => url.includes(token))).toEqual([]);
    await context.close();
  });
});

describe("the filing page's weight", () => {
  it("loads at most 90 KB of JavaScript, gzipped, React included", async () => {
    const context = await residentContext(browser());
    const page = await context.newPage();
    const scripts = new Map<string, Promise<Buffer>>();
    page.on("response", (res) => {
      const url = new URL(res.url());
      if (url.pathname.startsWith("/_astro/") && url.pathname.endsWith(".js")) scripts.set(url.pathname, res.body());
    });
    await openFiling(page);
    await page.waitForLoadState("networkidle");
    let total = 0;
    for (const body of scripts.values()) total += gzipSync(await body).length;
    console.info(`/complaints/new/: ${scripts.size} script files, ${(total / 1024).toFixed(1)} KB gzipped`);
    expect(scripts.size).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(FILING_JS_BUDGET);
    await context.close();
  });
});
