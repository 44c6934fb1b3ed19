// What the resident-side browser tests share: a phone of their own, places inside two communities,
// the filing form opened and filled by pointer, its step headings, and the public list as the API has it.
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { expect, inject } from "vitest";
import { freshClientAddress, isFocused, poll, VIEWPORTS } from "../kit";

const baseUrl = inject("baseUrl");

/**
 * A fresh profile on a phone, as its own client address: filing is throttled at 10 a minute per
 * address, and every test file files a few complaints of its own.
 */
export function residentContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({
    viewport: VIEWPORTS.phone,
    locale: "zh-CN",
    extraHTTPHeaders: { "cf-connecting-ip": freshClientAddress() },
    ...options,
  });
}

/** Somewhere inside a community (communities are 0.02° × 0.04° boxes in the demo data). */
export const POINTS = {
  hetang: { latitude: 30.321, longitude: 120.211 },
  jingui: { latitude: 30.281, longitude: 120.191 },
};

/** Four Chinese characters no other test uses: an address only staff see (casesAddressed finds it). */
export function uniqueStreet(): string {
  const stems = [..."甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉"];
  return `${Array.from({ length: 4 }, () => stems[Math.floor(Math.random() * stems.length)]).join("")}路`;
}

/** The step heading has focus and names the step; the progress marks it as current. */
export async function expectStep(page: Page, n: number, title: string): Promise<void> {
  const heading = page.locator("#step-heading");
  await poll(() => isFocused(heading)).toBe(true);
  await expect(heading.textContent()).resolves.toBe(`第 ${n} 步，共 5 步：${title}`);
  // The progress names each step by one word of its title (StepProgress.tsx), to fit a phone.
  const current = await page.locator('.step-progress [aria-current="step"]').textContent();
  expect(current?.length).toBeGreaterThanOrEqual(2);
  expect(title).toContain(current);
  await expect(page.locator(".step-count").textContent()).resolves.toBe(`第 ${n} 步，共 5 步`);
}

/** Opens the filing page and waits until React has taken over the server-rendered form. */
export async function openFiling(page: Page): Promise<void> {
  await page.goto(`${baseUrl}/complaints/new/`);
  await page.locator("astro-island:not([ssr])").waitFor({ state: "attached" });
}

export interface FilingByPointer {
  major: string;
  minor: string;
  street: string;
  community: string;
  photo: Buffer;
  phone?: string;
  name?: string;
}

/** Fills the form by pointer (the keyboard test covers keyboard use), up to the review step. */
export async function fillByPointer(page: Page, d: FilingByPointer): Promise<void> {
  await openFiling(page);
  // A class's label holds its plain name and its official one ("井盖和路灯 部件 · 公用设施").
  await page.getByLabel(d.major).check();
  await page.getByLabel(d.minor).check();
  await page.getByRole("button", { name: "下一步" }).click();
  await page.getByLabel("地址或地标").fill(`${d.street} 18 号旁`);
  await page.getByLabel("所在社区").selectOption({ label: d.community });
  await page.getByRole("button", { name: "下一步" }).click();
  await page.getByLabel("问题描述").fill("人行道上堆满了杂物，行人只能走到机动车道上。");
  await page.locator("#photos").setInputFiles({ name: "scene.jpg", mimeType: "image/jpeg", buffer: d.photo });
  await page.getByAltText("第 1 张照片的预览").waitFor();
  await page.getByRole("button", { name: "下一步" }).click();
  if (d.name) await page.getByLabel("称呼（选填）").fill(d.name);
  if (d.phone) {
    await page.getByLabel(/需要回访/).check();
    await page.getByLabel("手机号码").fill(d.phone);
  }
  await page.getByLabel(/我已阅读个人信息保护说明/).check();
  await page.getByRole("button", { name: "下一步" }).click();
  await expectStep(page, 5, "确认提交");
}
