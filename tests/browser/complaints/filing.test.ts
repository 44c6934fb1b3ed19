import { gzipSync } from "node:zlib";
import type { Browser, BrowserContext, BrowserContextOptions, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { CLOSED_STATES, STATE_LABELS } from "../../../src/shared/complaints/states";
import { axeViolations, launchChromium, VIEWPORTS, withSeniorMode } from "../chromium";
import { type Closers, closeCase, closers } from "./close-case";

// Filing is throttled at 10 a minute per client address: each context gets an address of its
// own (cf-connecting-ip), and the whole file files only a handful of complaints.

const baseUrl = inject("baseUrl");
const FILING_JS_BUDGET = 90 * 1024;
let browser: Browser;
let photo: Buffer;
let ipSeq = 0;

beforeAll(async () => {
  browser = await launchChromium();
  photo = await makeJpeg(2400, 1200);
});
afterAll(async () => {
  await browser?.close();
});

/** A real JPEG, larger than the 2048 px the island keeps: Chromium's screenshot of a drawn page. */
async function makeJpeg(width: number, height: number): Promise<Buffer> {
  const page = await browser.newPage({ viewport: { width, height } });
  await page.setContent(
    '<body style="margin:0;height:100vh;background:linear-gradient(135deg,#b33,#36c)">' +
      '<p style="font:bold 160px sans-serif;color:#fff;margin:80px">路边垃圾</p></body>',
  );
  const jpeg = await page.screenshot({ type: "jpeg", quality: 85 });
  await page.close();
  return jpeg;
}

/** A fresh profile on a phone, as its own client address. */
function newContext(options: BrowserContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({
    viewport: VIEWPORTS.phone,
    locale: "zh-CN",
    extraHTTPHeaders: { "cf-connecting-ip": `198.51.100.${++ipSeq}` },
    ...options,
  });
}

/** Somewhere inside a community (communities are 0.02° × 0.04° boxes in the demo data). */
const POINTS = {
  hetang: { latitude: 30.321, longitude: 120.211 },
  jingui: { latitude: 30.281, longitude: 120.191 },
};

/** Four Chinese characters no other test uses: a street name that survives streetLevel(). */
function uniqueStreet(): string {
  const stems = [..."甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉"];
  return `${Array.from({ length: 4 }, () => stems[Math.floor(Math.random() * stems.length)]).join("")}路`;
}

/** Records every Content-Security-Policy violation in the page, from before its first script. */
async function watchCsp(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { cspViolations: seen });
    document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}

const cspViolations = (page: Page) =>
  page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

/** expect.poll with room for a busy machine (its default gives up after one second). */
const poll = <T>(fn: () => Promise<T>) => expect.poll(fn, { timeout: 15_000 });

const isFocused = (target: Locator) => target.evaluate((el) => el === document.activeElement);

/** Presses Tab (or Shift+Tab) until `target` has focus, as a keyboard user would. */
async function tabTo(page: Page, target: Locator, key = "Tab"): Promise<void> {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press(key);
    if (await isFocused(target)) return;
  }
  throw new Error(`the control was not reached with ${key}`);
}

async function expectAxeClean(page: Page, where: string): Promise<void> {
  expect(await axeViolations(page), where).toEqual([]);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `sideways scroll: ${where}`).toBeLessThanOrEqual(0);
}

/** The step heading has focus and names the step; the progress marks it as current. */
async function expectStep(page: Page, n: number, title: string): Promise<void> {
  const heading = page.locator("#step-heading");
  await poll(() => isFocused(heading)).toBe(true);
  await expect(heading.textContent()).resolves.toBe(`第 ${n} 步，共 5 步：${title}`);
  await expect(page.locator('.step-progress [aria-current="step"]').textContent()).resolves.toBe(title);
  await expect(page.locator(".step-count").textContent()).resolves.toBe(`第 ${n} 步，共 5 步`);
}

/** Opens the filing page and waits until React has taken over the server-rendered form. */
async function openFiling(page: Page): Promise<void> {
  await page.goto(`${baseUrl}/complaints/new/`);
  await page.locator("astro-island:not([ssr])").waitFor({ state: "attached" });
}

/** Fills the form by pointer (the keyboard test covers keyboard use), up to the review step. */
async function fillByPointer(
  page: Page,
  d: { major: string; minor: string; street: string; community: string; phone?: string; name?: string },
): Promise<void> {
  await openFiling(page);
  await page.getByLabel(d.major, { exact: true }).check();
  await page.getByLabel(d.minor, { exact: true }).check();
  await page.getByRole("button", { name: "下一步" }).click();
  await page.getByLabel("地址或地标").fill(`${d.street} 18 号旁`);
  await page.getByLabel("所在社区").selectOption({ label: d.community });
  await page.getByRole("button", { name: "下一步" }).click();
  await page.getByLabel("问题描述").fill("人行道上堆满了杂物，行人只能走到机动车道上。");
  await page.locator("#photos").setInputFiles({ name: "scene.jpg", mimeType: "image/jpeg", buffer: photo });
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

/** Files through the API as the island does (JSON, an Idempotency-Key), for tests about other pages. */
async function fileByApi(
  body: Record<string, unknown>,
): Promise<{ caseNumber: string; trackingToken: string; trackingPath: string }> {
  const res = await fetch(`${baseUrl}/api/complaints`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "idempotency-key": crypto.randomUUID(),
      "cf-connecting-ip": `203.0.113.${++ipSeq}`,
    },
    body: JSON.stringify({ consent: true, description: "人行道上有一处问题需要处理。", ...body }),
  });
  expect(res.status).toBe(201);
  return res.json();
}

async function publicCases(): Promise<{ caseNumber: string; place: string; supporters: number }[]> {
  const res = await fetch(`${baseUrl}/api/complaints?limit=100`);
  return (await res.json()).cases;
}

describe("filing a complaint", () => {
  it("files one with a photo by keyboard alone on a phone, axe-clean at every step, and tracks it", async () => {
    const context = await newContext({ geolocation: POINTS.hetang, permissions: ["geolocation"] });
    const page = await context.newPage();
    const requested: string[] = [];
    page.on("request", (req) => requested.push(req.url()));
    await watchCsp(page);
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
    await expect(cspViolations(page)).resolves.toEqual([]);

    const token = href.split("#t=")[1] ?? "";
    expect(requested.filter((url) => url.includes(token))).toEqual([]);
    await context.close();
  });

  it("keeps the draft, its step and its photo across a reload", async () => {
    const context = await newContext();
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
    await expect(page.locator('.step-progress [aria-current="step"]').textContent()).resolves.toBe("描述与照片");
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
    const context = await newContext();
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
    await fillByPointer(page, { major: "事件 · 街面秩序", minor: "乱堆物堆料", street, community: "石桥社区" });
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

    const mine = (await publicCases()).filter((c) => c.place === street);
    expect(mine.map((c) => c.caseNumber)).toEqual([caseNumber]);
    await context.close();
  });

  it("offers the nearby open case of the same kind, and support instead of a second case", async () => {
    const street = uniqueStreet();
    const first = await fileByApi({
      categoryId: "E0501",
      addressText: `${street} 5 号`,
      lat: POINTS.jingui.latitude,
      lng: POINTS.jingui.longitude,
    });
    const context = await newContext({
      geolocation: { latitude: POINTS.jingui.latitude + 0.0005, longitude: POINTS.jingui.longitude },
      permissions: ["geolocation"],
    });
    const page = await context.newPage();
    await openFiling(page);
    await page.getByLabel("按名称查找").fill("游商");
    await page.getByRole("status").filter({ hasText: "找到 1 个类别" }).waitFor();
    await page.getByLabel("无照经营游商（街面秩序）").check();
    await page.getByRole("button", { name: "下一步" }).click();
    await page.getByLabel("地址或地标").fill(`${street} 路口`);
    await page.getByRole("button", { name: "使用我的位置" }).click();
    await page.getByText("已获取位置：问题位于桂园街道金桂社区。").waitFor();
    await page.getByRole("button", { name: "下一步" }).click();

    await page.getByRole("heading", { name: "附近已有同类问题" }).waitFor();
    const card = page.locator(".card").filter({ hasText: first.caseNumber });
    await expect(card.textContent()).resolves.toContain("距离约");
    await expectAxeClean(page, "nearby cases");
    await card.getByRole("button", { name: /这是同一个问题/ }).click();
    await page.getByText(`已记下您的支持：案件 ${first.caseNumber} 现在共有 1 人支持。`).waitFor();
    await page.getByRole("button", { name: "到此为止" }).click();
    await page.getByRole("heading", { name: "感谢您的反映" }).waitFor();
    await expect(page.evaluate(() => localStorage.getItem("complaint-draft"))).resolves.toBeNull();

    const cases = (await publicCases()).filter((c) => c.place === street);
    expect(cases.map((c) => [c.caseNumber, c.supporters])).toEqual([[first.caseNumber, 1]]);
    await context.close();
  });
});

describe("following a complaint", () => {
  it("finds a case by case number and phone when a callback was asked for", async () => {
    const context = await newContext();
    const page = await context.newPage();
    await fillByPointer(page, {
      major: "部件 · 公用设施",
      minor: "路灯不亮",
      street: uniqueStreet(),
      community: "溪山社区",
      phone: "13912345678",
    });
    await expect(page.locator("main").textContent()).resolves.toContain("需要，手机号 13912345678");
    await page.getByRole("button", { name: "确认提交" }).click();
    await page.getByRole("heading", { name: "投诉已提交" }).waitFor();
    await expect(page.locator(".filed").textContent()).resolves.toContain("也可以凭案件编号和手机号查询");
    const caseNumber = (await page.locator("[data-case-number]").getAttribute("data-case-number")) ?? "";

    await page.goto(`${baseUrl}/complaints/track/`);
    await page.locator("astro-island:not([ssr])").waitFor({ state: "attached" });
    await page.getByLabel("案件编号", { exact: true }).fill(caseNumber);
    await page.getByLabel("手机号码").fill("13900000000");
    await page.getByRole("button", { name: "查询" }).click();
    await page.getByRole("alert").filter({ hasText: "案件编号与手机号不匹配" }).waitFor();
    await page.getByLabel("手机号码").fill("13912345678");
    await page.getByRole("button", { name: "查询" }).click();
    await page.locator(".state").getByText("已受理待立案").waitFor();
    await expect(page.locator("#case-heading [data-case-number]").getAttribute("data-case-number")).resolves.toBe(
      caseNumber,
    );
    await expect(page.locator(".facts").textContent()).resolves.toContain("溪山社区");
    await expect(page.locator("ol.timeline > li").first().textContent()).resolves.toContain("提交投诉");
    await expectAxeClean(page, "tracking by phone");
    await context.close();
  });
});

describe("rating and reopening a closed case", () => {
  // Closed for real through the staff API: the command centre accepts and dispatches to the demo
  // handler's unit, the unit starts and reports it handled, the command centre closes it.
  let staff: Closers;
  beforeAll(async () => {
    staff = await closers(baseUrl);
  });

  /** Records what the page posts to the tracking API (watched, not intercepted). */
  function watchPosts(page: Page): { path: string; token?: string; body: unknown }[] {
    const posted: { path: string; token?: string; body: unknown }[] = [];
    page.on("request", (req) => {
      const path = new URL(req.url()).pathname;
      if (req.method() === "POST" && path.startsWith("/api/complaints/track/"))
        posted.push({ path, token: req.headers()["x-tracking-token"], body: req.postDataJSON() });
    });
    return posted;
  }

  /** The reporter's view of the case, as the API has it now. */
  async function trackedView(token: string): Promise<Record<string, unknown>> {
    const res = await fetch(`${baseUrl}/api/complaints/track`, { headers: { "x-tracking-token": token } });
    expect(res.status).toBe(200);
    return res.json();
  }

  it("rates a case closed as fixed by keyboard, sending the secret only in a header", async () => {
    const filed = await fileByApi({
      categoryId: "E0106",
      addressText: `${uniqueStreet()} 街心公园`,
      communityId: "danfeng",
    });
    await closeCase(staff, filed.caseNumber, "close_fixed");
    const context = await newContext();
    const page = await context.newPage();
    const requested: string[] = [];
    page.on("request", (req) => requested.push(req.url()));
    const posted = watchPosts(page);
    await page.goto(baseUrl + filed.trackingPath);
    await page.locator(".state").getByText("已结案（已解决）").waitFor();
    const timeline = await page.locator("ol.timeline > li strong").allTextContents();
    expect(timeline.at(-1)).toBe("核查结案（已解决）");
    await page.getByText("经现场核查，已解决。").waitFor();
    await expectAxeClean(page, "case closed as fixed, with the rating and reopen forms");

    await tabTo(page, page.getByLabel("满意", { exact: true }));
    await page.keyboard.press("ArrowDown");
    await expect(page.getByLabel("基本满意").isChecked()).resolves.toBe(true);
    await tabTo(page, page.getByLabel(/补充说明/));
    await page.keyboard.type("还行");
    await tabTo(page, page.getByRole("button", { name: "提交评价" }));
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "您的评价" }).waitFor();
    await expect(page.getByRole("button", { name: "提交评价" }).count()).resolves.toBe(0);
    await expectAxeClean(page, "case rated");

    expect(posted).toEqual([
      {
        path: "/api/complaints/track/rating",
        token: filed.trackingToken,
        body: { rating: "basically_satisfied", comment: "还行" },
      },
    ]);
    await expect(trackedView(filed.trackingToken)).resolves.toMatchObject({
      state: "closed_fixed",
      canRate: false,
      rating: { value: "basically_satisfied", comment: "还行" },
    });
    expect(requested.filter((url) => url.includes(filed.trackingToken))).toEqual([]);
    await context.close();
  });

  it("asks for a review of a case closed as not fixed by keyboard, and the case goes back to verification", async () => {
    const filed = await fileByApi({
      categoryId: "E0106",
      addressText: `${uniqueStreet()} 街心公园`,
      communityId: "danfeng",
    });
    const closed = await closeCase(staff, filed.caseNumber, "close_not_fixed");
    const context = await newContext();
    const page = await context.newPage();
    const requested: string[] = [];
    page.on("request", (req) => requested.push(req.url()));
    const posted = watchPosts(page);
    await page.goto(baseUrl + filed.trackingPath);
    await page.locator(".state").getByText("已结案（未解决）").waitFor();
    await page.getByText("涉及绿地权属，暂时无法解决。").waitFor();
    await expectAxeClean(page, "case closed as not fixed, with the rating and reopen forms");

    await tabTo(page, page.getByLabel(/原因/));
    await page.keyboard.type("还有");
    await tabTo(page, page.getByRole("button", { name: "申请复核" }));
    await page.keyboard.press("Enter");
    await page.getByText("请说明原因，至少 5 个字").waitFor();
    await tabTo(page, page.getByLabel(/原因/), "Shift+Tab");
    await page.keyboard.type("，绿地里的垃圾没有清走");
    await tabTo(page, page.getByRole("button", { name: "申请复核" }));
    await page.keyboard.press("Enter");
    await page.locator(".state").getByText("市民申请复核").waitFor();
    await expect(page.getByRole("button", { name: "申请复核" }).count()).resolves.toBe(0);
    await expectAxeClean(page, "case reopened");

    expect(posted).toEqual([
      {
        path: "/api/complaints/track/reopen",
        token: filed.trackingToken,
        body: { reason: "还有，绿地里的垃圾没有清走" },
      },
    ]);
    await expect(trackedView(filed.trackingToken)).resolves.toMatchObject({ state: "reopened", canReopen: false });
    // Back with the command centre, to verify again.
    await expect(staff.dispatcher.get<{ state: string }>(`/api/staff/complaints/${closed.id}`)).resolves.toMatchObject({
      state: "reopened",
    });
    expect(requested.filter((url) => url.includes(filed.trackingToken))).toEqual([]);
    await context.close();
  });
});

describe("the public view of complaints", () => {
  it("lists a new case without the name or phone given, counts it among the hot spots, and is axe-clean", async () => {
    const street = uniqueStreet();
    const filed = await fileByApi({
      categoryId: "C0305",
      addressText: `${street} 9 号 2 单元`,
      communityId: "liuan",
      name: "欧阳娜娜",
      callbackWanted: true,
      phone: "13712345678",
    });
    for (const viewport of [VIEWPORTS.phone, VIEWPORTS.desktop]) {
      const context = await newContext({ viewport });
      const page = await context.newPage();
      await page.goto(`${baseUrl}/complaints/`);
      const card = page.locator(".public-case").filter({ hasText: filed.caseNumber });
      await card.waitFor();
      const text = (await card.textContent()) ?? "";
      expect(text).toContain("垃圾箱损坏");
      expect(text).toContain("柳岸社区");
      expect(text).toContain(street);
      expect(text).toContain("已受理待立案");
      const main = (await page.locator("main").textContent()) ?? "";
      for (const secret of ["欧阳", "13712345678", "9 号", "2 单元", filed.trackingToken])
        expect(main).not.toContain(secret);

      await page.locator("#hotspots-heading").scrollIntoViewIfNeeded();
      const table = page.getByRole("table", { name: /近 30 天/ });
      await table.waitFor();
      const showAll = page.getByRole("button", { name: /显示全部/ });
      if (await showAll.count()) await showAll.click();
      const row = table
        .locator("tbody tr")
        .filter({ has: page.locator('th[scope="row"]', { hasText: "柳岸社区" }) })
        .filter({ has: page.locator('th[scope="row"]', { hasText: "垃圾箱损坏" }) });
      expect(Number(await row.locator("td").textContent())).toBeGreaterThanOrEqual(1);
      await expect(page.getByRole("img", { name: /投诉最多的社区和问题类别/ }).count()).resolves.toBe(1);

      await page.locator("#open-data-heading").scrollIntoViewIfNeeded();
      const csv = page.getByRole("link", { name: /下载 CSV/ });
      await csv.waitFor();
      const csvUrl = new URL((await csv.getAttribute("href")) ?? "", baseUrl);
      expect(csvUrl.pathname).toBe("/api/complaints/open-data.csv");
      const res = await fetch(csvUrl);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain(filed.caseNumber);
      await expect(page.getByRole("link", { name: "我要投诉" }).getAttribute("href")).resolves.toBe("/complaints/new/");
      await expect(page.getByRole("link", { name: "查询进度" }).getAttribute("href")).resolves.toBe(
        "/complaints/track/",
      );
      await expectAxeClean(page, `public view at ${viewport.width} px`);
      await context.close();
    }
  });

  it("filters the cases by state and loads ten more at a time, moving focus to the first new one", async () => {
    const context = await newContext({ viewport: VIEWPORTS.desktop });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/complaints/`);
    const cards = page.locator(".public-case");
    await poll(() => cards.count()).toBe(10);
    await page.getByLabel("已结案").check();
    const closedLabels = CLOSED_STATES.map((s) => STATE_LABELS[s]);
    const allClosed = async () => {
      const tags = await cards.locator(".tag").allTextContents();
      return tags.length > 0 && tags.every((t) => closedLabels.includes(t));
    };
    await poll(allClosed).toBe(true);
    await page.getByRole("button", { name: "加载更多" }).click();
    await poll(() => cards.count()).toBe(20);
    await poll(() => isFocused(cards.nth(10).locator("h3"))).toBe(true);
    await poll(allClosed).toBe(true);
    await expectAxeClean(page, "closed cases, two pages");
    await context.close();
  });

  it("keeps the three complaint pages axe-clean and without sideways scroll in senior mode on a phone", async () => {
    const context = await newContext();
    const page = await context.newPage();
    await withSeniorMode(page);
    await watchCsp(page);
    for (const path of ["/complaints/new/", "/complaints/track/", "/complaints/"]) {
      const res = await page.goto(baseUrl + path);
      expect(res?.headers()["content-security-policy"], path).toContain("script-src 'self'");
      await page.locator("astro-island:not([ssr])").first().waitFor({ state: "attached" });
      expect(await page.evaluate(() => document.documentElement.classList.contains("senior"))).toBe(true);
      await expectAxeClean(page, `${path} in senior mode`);
      await expect(cspViolations(page), path).resolves.toEqual([]);
    }
    await context.close();
  });
});

describe("the filing page's weight", () => {
  it("loads at most 90 KB of JavaScript, gzipped, React included", async () => {
    const context = await newContext();
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
