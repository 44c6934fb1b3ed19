import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import type { CaseDetail } from "../../../src/shared/complaints/console-wire";
import { browserForFile, expectAxeClean, makeJpeg, poll, watchCsp } from "../kit";
import { signInStaff } from "./close-case";
import { MAP_TARGET, tapMap } from "./map";
import { expectStep, residentContext } from "./resident";

// A case's public page, walked on a 360 px phone: a resident places the problem by a tap on the
// district map and files it; the success page gives the public link (and its QR code), which is a
// 404 until the command centre accepts the case; then a neighbour on another phone says "我也遇到"
// and follows it, and anyone finds it from the case number as the page displays it.

const baseUrl = inject("baseUrl");
const browser = browserForFile();
const TARGET = MAP_TARGET;

/** Opens the link and returns the status of the page it lands on. */
async function follow(page: Page, href: string): Promise<number> {
  const res = await page.goto(href);
  return res?.status() ?? 0;
}

describe("a case's public page", () => {
  // Filing by touch, a staff acceptance, three browser profiles and axe three times: about 40 s on
  // the two-core machine under load.
  it("is reached from the success page, supported from another phone, and found from the number as shown", async () => {
    const resident = await residentContext(browser(), { hasTouch: true });
    const page = await resident.newPage();
    const offSite: string[] = [];
    page.on("request", (req) => {
      if (!req.url().startsWith(baseUrl) && !req.url().startsWith("data:") && !req.url().startsWith("blob:"))
        offSite.push(req.url());
    });
    // The category step is the filing tests' subject: this walk starts on the place step.
    await page.addInitScript(() => {
      if (!sessionStorage.getItem("walk-started")) {
        sessionStorage.setItem("walk-started", "1");
        localStorage.setItem(
          "complaint-draft",
          JSON.stringify({ step: 1, idempotencyKey: crypto.randomUUID(), categoryId: "C0305" }),
        );
      }
    });
    await page.goto(`${baseUrl}/complaints/new/`);
    await page.locator("astro-island:not([ssr])").waitFor({ state: "attached" });
    await page.locator("#step-heading").filter({ hasText: "问题位置" }).waitFor();
    await page.getByLabel("地址或地标").fill("桂园路北侧 6 号楼下的垃圾箱");
    await tapMap(page, TARGET);
    await page.getByText("地图上的标记：问题位于桂园街道金桂社区。").waitFor();
    await page.getByRole("button", { name: "下一步" }).click();
    const details = page.getByLabel("问题描述");
    const notSame = page.getByRole("button", { name: "不是同一个问题，继续" });
    await poll(async () => (await details.count()) + (await notSame.count())).toBeGreaterThan(0);
    if (await notSame.count()) await notSame.click();
    await expectStep(page, 3, "描述与照片");
    await details.fill("垃圾箱的盖子坏了，垃圾散落在人行道上，已经好几天。");
    await page.locator("#photos").setInputFiles({
      name: "scene.jpg",
      mimeType: "image/jpeg",
      buffer: await makeJpeg(browser(), 640, 480),
    });
    await page.getByAltText("第 1 张照片的预览").waitFor();
    await page.getByRole("button", { name: "下一步" }).click();
    await page.getByLabel(/我已阅读个人信息保护说明/).check();
    await page.getByRole("button", { name: "下一步" }).click();
    await page.getByRole("button", { name: "确认提交" }).click();
    await page.getByRole("heading", { name: "投诉已提交" }).waitFor();

    // The success page: the case number as shown, the public link with a copy button and a QR code.
    const shown = (await page.locator(".filed .case-number [aria-hidden]").first().textContent()) ?? "";
    const caseNumber = (await page.locator(".filed [data-case-number]").first().getAttribute("data-case-number")) ?? "";
    expect(shown).toMatch(/^\d{3} \d{3} - \d{4,6}$/);
    const publicLink = page.getByRole("link", { name: `${baseUrl}/complaints/c/${caseNumber}/`, exact: true });
    await expect(publicLink.count()).resolves.toBe(1);
    await expect(page.getByRole("button", { name: "复制公示页链接" }).count()).resolves.toBe(1);
    const qr = page.getByRole("img", { name: `公示页链接的二维码：${baseUrl}/complaints/c/${caseNumber}/` });
    await qr.waitFor();
    const box = await qr.boundingBox();
    expect(box?.width).toBeGreaterThanOrEqual(150);
    await expectAxeClean(page, "success page with the public link and its QR code at 360 px");

    // Before the command centre accepts it, the page is a real 404 (the success page said so).
    const href = (await publicLink.getAttribute("href")) ?? "";
    await publicLink.click();
    await page.getByRole("heading", { name: "页面不存在" }).waitFor();
    expect(await follow(page, href)).toBe(404);

    const dispatcher = await signInStaff(baseUrl, "dispatcher");
    const { cases } = await dispatcher.get<{ cases: CaseDetail[] }>(
      `/api/staff/complaints?${new URLSearchParams({ q: caseNumber, view: "all" })}`,
    );
    const filed = cases.find((c) => c.caseNumber === caseNumber);
    if (!filed) throw new Error(`case ${caseNumber} not in the console`);
    await dispatcher.post(`/api/staff/complaints/${filed.id}/accept`, { version: filed.version });

    // Reloaded: the case, its timeline and the resident's photo, and nothing the resident typed.
    const readCsp = await watchCsp(page);
    expect(await follow(page, href)).toBe(200);
    await page.locator("#public-case-heading").waitFor();
    const main = page.locator("main");
    await expect(main.textContent()).resolves.toContain("已立案");
    await expect(page.locator(".timeline li").count()).resolves.toBe(2);
    await page.getByRole("img", { name: /市民提交的现场照片 1/ }).waitFor();
    for (const typed of ["6 号楼", "好几天"]) await expect(main.textContent()).resolves.not.toContain(typed);
    await expectAxeClean(page, "a case's public page at 360 px");
    expect(await readCsp()).toEqual([]);
    expect(offSite).toEqual([]);
    await resident.close();

    // A neighbour on another phone: "我也遇到", counted once, and follows the case.
    const neighbour = await residentContext(browser());
    const other = await neighbour.newPage();
    await other.goto(href);
    await other.locator("#public-case-heading").waitFor();
    await other.getByRole("button", { name: "我也遇到" }).click();
    await other.getByText("已记下您的支持，现在共有 1 人遇到这个问题。").waitFor();
    await expect(other.locator(".facts").textContent()).resolves.toContain("1 人");
    await other.getByRole("button", { name: "我也遇到" }).click();
    await other.getByText("您之前已经支持过这件投诉，现在共有 1 人。").waitFor();
    await other.getByRole("button", { name: "关注这件投诉" }).click();
    await expect(other.getByRole("button", { name: "已关注" }).getAttribute("aria-pressed")).resolves.toBe("true");
    await other.goto(`${baseUrl}/complaints/c/`);
    await other
      .getByRole("link", { name: /垃圾箱/ })
      .first()
      .waitFor();
    await expect(other.locator(".followed-cases").textContent()).resolves.toContain(caseNumber);
    await expectAxeClean(other, "the followed cases at 360 px");

    // Anyone: the number typed as the success page displayed it, in the lookup form.
    await other.getByRole("textbox", { name: "案件编号" }).fill(shown);
    await other.getByRole("button", { name: "查看案件" }).click();
    await other.locator("#public-case-heading").waitFor();
    expect(new URL(other.url()).pathname).toBe(`/complaints/c/${caseNumber}/`);
    await expect(other.locator(".facts").textContent()).resolves.toContain("1 人");
    await neighbour.close();
  }, 120_000);
});
