import type { Page } from "playwright-core";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { browserForFile, expectAxeClean, makeJpeg, tabTo } from "../kit";
import { fileByApi } from "./case-helpers";
import { type Closers, closeCase, closers } from "./close-case";
import { fillByPointer, residentContext, uniqueStreet } from "./resident";

// The reporter following a case: by case number and phone, then rating a closed case or asking
// for a review of it, by keyboard, with the tracking secret only ever in a header.

const baseUrl = inject("baseUrl");
const browser = browserForFile();
let photo: Buffer;
beforeAll(async () => {
  photo = await makeJpeg(browser(), 2400, 1200);
});

describe("following a complaint", () => {
  it("finds a case by case number and phone when a callback was asked for", async () => {
    const context = await residentContext(browser());
    const page = await context.newPage();
    await fillByPointer(page, {
      photo,
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
    const filed = await fileByApi(baseUrl, {
      categoryId: "E0106",
      addressText: `${uniqueStreet()} 街心公园`,
      communityId: "danfeng",
    });
    await closeCase(staff, filed.caseNumber, "close_fixed");
    const context = await residentContext(browser());
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
    const filed = await fileByApi(baseUrl, {
      categoryId: "E0106",
      addressText: `${uniqueStreet()} 街心公园`,
      communityId: "danfeng",
    });
    const closed = await closeCase(staff, filed.caseNumber, "close_not_fixed");
    const context = await residentContext(browser());
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
