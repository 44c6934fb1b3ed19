import { beforeAll, describe, expect, inject, it } from "vitest";
import { browserForFile, expectAxeClean, makeJpeg, poll } from "../kit";
import { casesAddressed, fileByApi } from "./case-helpers";
import { expectStep, fillByPointer, openFiling, POINTS, residentContext, uniqueStreet } from "./resident";

// Filing that does not go straight through: a reload half-way, an answer lost on the way back,
// and a problem someone nearby has already reported.

const baseUrl = inject("baseUrl");
const browser = browserForFile();
let photo: Buffer;
beforeAll(async () => {
  photo = await makeJpeg(browser(), 2400, 1200);
});

describe("filing a complaint", () => {
  it("keeps the draft, its step and its photo across a reload", async () => {
    const context = await residentContext(browser());
    const page = await context.newPage();
    await openFiling(page);
    await page.getByLabel("事件 · 街面秩序").check();
    await page.getByLabel("店外经营").check();
    await page.getByRole("button", { name: "下一步" }).click();
    await page.getByLabel("地址或地标").fill("桂园街 夜市入口");
    await page.getByLabel("所在社区").selectOption({ label: "金桂社区" });
    await page.getByRole("button", { name: "下一步" }).click();
    await page.getByLabel("问题描述").fill("夜市摊位摆到了盲道上。");
    await page.locator("#photos").setInputFiles({ name: "scene.jpg", mimeType: "image/jpeg", buffer: photo });
    await page.getByAltText("第 1 张照片的预览").waitFor();

    await page.reload();
    await page.locator("astro-island:not([ssr])").waitFor({ state: "attached" });
    await poll(() => page.locator("#step-heading").textContent()).toBe("第 3 步，共 5 步：描述与照片");
    await expect(page.locator('.step-progress [aria-current="step"]').textContent()).resolves.toBe("描述");
    await expect(page.getByLabel("问题描述").inputValue()).resolves.toBe("夜市摊位摆到了盲道上。");
    await page.getByText("已恢复您上次没有提交的内容。").waitFor();
    await page.getByAltText("第 1 张照片的预览").waitFor();

    await page.getByRole("button", { name: "上一步" }).click();
    await expect(page.getByLabel("地址或地标").inputValue()).resolves.toBe("桂园街 夜市入口");
    await expect(page.getByLabel("所在社区").inputValue()).resolves.toBe("jingui");
    await page.getByRole("button", { name: "上一步" }).click();
    await expect(page.getByLabel("店外经营").isChecked()).resolves.toBe(true);
    await context.close();
  });

  it("survives a lost answer: a readable error, then 重试 files exactly one case", async () => {
    const context = await residentContext(browser());
    const page = await context.newPage();
    const street = uniqueStreet();
    let dropped = 0;
    // The first POST reaches the server and files the case, but its answer never arrives.
    await page.route(
      (url) => url.pathname === "/api/complaints",
      async (route) => {
        if (route.request().method() !== "POST" || dropped > 0) return route.continue();
        dropped++;
        await route.fetch();
        await route.abort("connectionreset");
      },
    );
    await fillByPointer(page, {
      photo,
      major: "事件 · 街面秩序",
      minor: "乱堆物堆料",
      street,
      community: "石桥社区",
    });
    await page.getByRole("button", { name: "确认提交" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "网络连接中断" });
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain("重试不会重复立案");
    expect(dropped).toBe(1);
    await expectAxeClean(page, "network error");

    const answer = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/complaints");
    await alert.getByRole("button", { name: "重试" }).click();
    expect((await answer).headers()["idempotent-replayed"]).toBe("true");
    await page.getByRole("heading", { name: "投诉已提交" }).waitFor();
    const caseNumber = await page.locator("[data-case-number]").getAttribute("data-case-number");

    const mine = await casesAddressed(baseUrl, street);
    expect(mine.map((c) => c.caseNumber)).toEqual([caseNumber]);
    await context.close();
  });

  it("offers the nearby open case of the same kind, and support instead of a second case", async () => {
    const street = uniqueStreet();
    const first = await fileByApi(baseUrl, {
      categoryId: "E0501",
      addressText: `${street} 5 号`,
      lat: POINTS.jingui.latitude,
      lng: POINTS.jingui.longitude,
      communityId: undefined,
    });
    const context = await residentContext(browser(), {
      geolocation: { latitude: POINTS.jingui.latitude + 0.0005, longitude: POINTS.jingui.longitude },
      permissions: ["geolocation"],
    });
    const page = await context.newPage();
    await openFiling(page);
    await page.getByLabel("查找问题类别").fill("游商");
    await page.getByRole("status").filter({ hasText: "找到 1 个类别" }).waitFor();
    await page.getByLabel(/^摆摊、流动商贩\s*街面秩序 · 无照经营游商$/).check();
    await page.getByRole("button", { name: "下一步" }).click();
    await page.getByLabel("地址或地标").fill(`${street} 路口`);
    await page.getByRole("button", { name: "使用我的位置" }).click();
    await page.getByText("已获取位置：问题位于桂园街道金桂社区。").waitFor();
    await page.getByRole("button", { name: "下一步" }).click();

    await page.getByRole("heading", { name: "附近已有同类问题" }).waitFor();
    const card = page.locator(".card").filter({ hasText: first.caseNumber });
    // The distance as a band from the case's published point, never in metres from the exact one.
    await expect(card.textContent()).resolves.toMatch(/100 米内|约 200 米|约 250 米/);
    await expectAxeClean(page, "nearby cases");
    await card.getByRole("button", { name: /这是同一个问题/ }).click();
    await page.getByText(`已记下您的支持：案件 ${first.caseNumber} 现在共有 1 人支持。`).waitFor();
    await page.getByRole("button", { name: "到此为止" }).click();
    await page.getByRole("heading", { name: "感谢您的反映" }).waitFor();
    await expect(page.evaluate(() => localStorage.getItem("complaint-draft"))).resolves.toBeNull();

    const cases = await casesAddressed(baseUrl, street);
    expect(cases.map((c) => [c.caseNumber, c.supporters])).toEqual([[first.caseNumber, 1]]);
    await context.close();
  });

  it("goes on to the next step when the nearby check's code does not arrive: the check never blocks filing", async () => {
    const street = uniqueStreet();
    await fileByApi(baseUrl, {
      categoryId: "E0501",
      addressText: `${street} 5 号`,
      lat: POINTS.jingui.latitude,
      lng: POINTS.jingui.longitude,
      communityId: undefined,
    });
    const context = await residentContext(browser(), {
      geolocation: { latitude: POINTS.jingui.latitude + 0.0005, longitude: POINTS.jingui.longitude },
      permissions: ["geolocation"],
    });
    const page = await context.newPage();
    // The nearby check and its panel load when it asks, not with the page: drop that download.
    await page.route(/\/_astro\/[^/]+\/nearby-panel\.[^/]+\.js$/, (route) => route.abort("connectionreset"));
    await openFiling(page);
    await page.getByLabel("查找问题类别").fill("游商");
    await page.getByLabel(/^摆摊、流动商贩\s*街面秩序 · 无照经营游商$/).check();
    await page.getByRole("button", { name: "下一步" }).click();
    await page.getByLabel("地址或地标").fill(`${street} 路口`);
    await page.getByRole("button", { name: "使用我的位置" }).click();
    await page.getByText("已获取位置：问题位于桂园街道金桂社区。").waitFor();
    await page.getByRole("button", { name: "下一步" }).click();
    await expectStep(page, 3, "描述与照片");
    await context.close();
  });
});
