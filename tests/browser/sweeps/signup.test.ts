import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { sweepPath } from "../../../src/lib/sweeps/manage-link";
import { browserForFile, expectAxeClean, freshPage, isFocused, poll, tabTo, typeInto, VIEWPORTS } from "../kit";
import { cancelByApi, freshPhone, fullSweep, listedSweeps, nearlyFullSweep, openSweep, signUpResult } from "./demo";

// A student on a 360 px phone: the list, a filter, a sweep's page, the sign-up by keyboard, the
// answer with its manage link, the manage page and a cancellation; and a full sweep's waitlist.

const baseUrl = inject("baseUrl");
const browser = browserForFile();

/** Fills the sign-up form by keyboard and sends it with Enter. */
async function signUpByKeyboard(page: Page, phone: string): Promise<void> {
  await page.locator("#signup-heading").waitFor();
  await page.locator("#signup-name").focus();
  await page.keyboard.type("李小明");
  await typeInto(page, "手机号码", phone);
  await typeInto(page, "学校或单位", "青溪大学");
  // A month control's segments differ by locale: its value is set whole, after reaching it by Tab.
  const birth = page.getByLabel("出生年月", { exact: true });
  await tabTo(page, birth);
  await birth.fill("2002-04");
  await tabTo(page, page.locator("#signup-consent"));
  await page.keyboard.press("Space");
  await tabTo(page, page.locator('.signup button[type="submit"]'));
  await page.keyboard.press("Enter");
}

describe("signing up for a sweep on a phone", () => {
  it("goes from the list through a filter and a sweep's page to a confirmed place, then cancels it", async () => {
    const sweep = await openSweep(baseUrl);
    const page = await freshPage(browser(), VIEWPORTS.phone);
    await page.goto(`${baseUrl}/volunteer/`);
    await expect(page.locator(".intro").textContent()).resolves.toContain("保险");
    await expect(page.locator('.intro a[href="tel:12345"]').count()).resolves.toBe(1);
    await page.locator(".sweep-card").first().waitFor();
    // The API's order is shown as it is: where help is most needed comes first.
    const listed = await listedSweeps(baseUrl);
    const firstHeading = await page.locator(".sweep-card h3").first().textContent();
    expect(firstHeading).toContain(listed[0]?.communityName);
    if (listed.some((s) => s.mostNeeded)) await page.locator(".needed").first().waitFor();
    await expectAxeClean(page, "/volunteer/ at 360 px");

    // Filter by the sweep's community, with the keyboard; the filter goes into the address.
    const community = page.getByLabel("社区", { exact: true });
    await tabTo(page, community);
    await community.selectOption(sweep.communityId);
    await tabTo(page, page.getByRole("button", { name: "筛选", exact: true }));
    await page.keyboard.press("Enter");
    await poll(() => Promise.resolve(new URL(page.url()).searchParams.get("community"))).toBe(sweep.communityId);
    await poll(async () => {
      const headings = await page.locator(".sweep-card h3").allTextContents();
      return headings.length > 0 && headings.every((h) => h.includes(sweep.communityName));
    }).toBe(true);
    await page.reload();
    await expect(page.getByLabel("社区", { exact: true }).inputValue()).resolves.toBe(sweep.communityId);
    await expectAxeClean(page, "/volunteer/ filtered at 360 px");

    // Open the sweep by keyboard.
    const link = page.locator(`.sweep-card a[href="${sweepPath(sweep.id)}"]`);
    await tabTo(page, link);
    await page.keyboard.press("Enter");
    await page.locator("#sweep-heading").waitFor();
    const facts = (await page.locator(".facts").textContent()) ?? "";
    for (const fact of [sweep.meetingPoint, sweep.organiser, sweep.leaderContact, sweep.insuranceRef, "请携带"])
      expect(facts).toContain(fact);
    await expect(page.locator("main").textContent()).resolves.toContain("安全须知");
    await expectAxeClean(page, "a sweep's page at 360 px");

    // A form sent empty says what is missing, next to each field and in the summary.
    await page.locator('.signup button[type="submit"]').focus();
    await page.keyboard.press("Enter");
    await page.locator(".error-summary").getByText("请填写姓名").waitFor();
    await poll(() => isFocused(page.locator("#signup-name"))).toBe(true);
    await expectAxeClean(page, "the sign-up form with errors at 360 px");

    await signUpByKeyboard(page, freshPhone());
    const answer = page.locator("#signed-up-heading");
    await answer.waitFor();
    await expect(answer.textContent()).resolves.toBe("报名成功，名额已确认");
    await poll(() => isFocused(answer)).toBe(true);
    const manageLink = (await page.locator(".manage-link a").getAttribute("href")) ?? "";
    expect(manageLink).toMatch(/\/volunteer\/manage\/#t=[A-Za-z0-9_-]{22}$/);
    await page.getByRole("button", { name: "添加到日历（.ics 文件）" }).waitFor();
    await expectAxeClean(page, "the confirmed answer at 360 px");

    // The manage page, opened from the link: the secret goes in a header, never in a URL.
    const asked: string[] = [];
    page.on("request", (req) => {
      if (req.url().includes("/api/sweeps/manage")) asked.push(`${req.url()} ${req.headers()["x-manage-token"] ?? ""}`);
    });
    await page.goto(manageLink);
    await page.locator("#manage-heading").waitFor();
    await expect(page.locator(".status-line").textContent()).resolves.toContain("已确认");
    const token = new URL(manageLink).hash.slice(3);
    expect(asked.length).toBeGreaterThan(0);
    for (const line of asked) expect(line).toBe(`${baseUrl}/api/sweeps/manage ${token}`);
    await expectAxeClean(page, "the manage page at 360 px");

    await tabTo(page, page.getByRole("button", { name: "取消报名…" }));
    await page.keyboard.press("Enter");
    await expect(page.locator("#cancel-confirm").textContent()).resolves.toContain("确定取消这次报名吗");
    await expectAxeClean(page, "the cancel confirmation at 360 px");
    await tabTo(page, page.getByRole("button", { name: /^确定取消/ }));
    await page.keyboard.press("Enter");
    await poll(() => page.locator(".status-line").textContent()).toContain("已取消");
    await expect(page.getByRole("button", { name: "取消报名…" }).count()).resolves.toBe(0);
    await expectAxeClean(page, "the cancelled sign-up at 360 px");
    await page.context().close();
  });

  it("puts a sign-up for a full sweep on the waitlist and says its position", async () => {
    const sweep = await fullSweep(baseUrl);
    const page = await freshPage(browser(), VIEWPORTS.phone);
    await page.goto(`${baseUrl}${sweepPath(sweep.id)}`);
    await expect(page.locator("#signup-heading").textContent()).resolves.toBe("报名候补");
    await signUpByKeyboard(page, freshPhone());
    const answer = page.locator("#signed-up-heading");
    await answer.waitFor();
    const position = Number(/^已进入候补，第 (\d+) 位$/.exec((await answer.textContent()) ?? "")?.[1]);
    // Others may have joined the waitlist since the list was read: never ahead of those already on it.
    expect(position).toBeGreaterThanOrEqual(sweep.waitlisted + 1);
    await expectAxeClean(page, "the waitlisted answer at 360 px");
    await page.context().close();
  });

  it("offers a freed place to the first person waiting, who confirms it on the manage page", async () => {
    const sweep = await nearlyFullSweep(baseUrl);
    const confirmed: string[] = [];
    for (let i = 0; i < sweep.placesLeft; i++) {
      const result = await signUpResult(sweep.id, baseUrl);
      expect(result.status).toBe("confirmed");
      confirmed.push(result.managePath);
    }
    const waiting = await signUpResult(sweep.id, baseUrl);
    expect(waiting).toMatchObject({ status: "waitlisted", position: 1 });
    await cancelByApi(confirmed[0] ?? "", baseUrl);

    const page = await freshPage(browser(), VIEWPORTS.phone);
    await page.goto(baseUrl + waiting.managePath);
    await page.locator("#manage-heading").waitFor();
    await expect(page.locator(".status-line").textContent()).resolves.toContain("候补递补，待确认");
    await expect(page.locator(".confirm-box").textContent()).resolves.toContain("前确认");
    await expectAxeClean(page, "an offered place on the manage page at 360 px");
    await tabTo(page, page.getByRole("button", { name: "确认参加" }));
    await page.keyboard.press("Enter");
    await poll(() => page.locator(".status-line").textContent()).toContain("已确认");
    await expect(page.locator('[role="status"]').first().textContent()).resolves.toBe("已确认参加。");
    await expect(page.getByRole("button", { name: "确认参加" }).count()).resolves.toBe(0);
    await expectAxeClean(page, "the confirmed offer at 360 px");
    await page.context().close();
  });

  it("says a sweep that does not exist is not found", async () => {
    const page = await freshPage(browser(), VIEWPORTS.phone);
    await page.goto(`${baseUrl}/volunteer/sweep/?id=zzzzzzzzzz`);
    await page.getByRole("alert").getByText("找不到这场清扫活动").waitFor();
    await expectAxeClean(page, "an unknown sweep at 360 px");
    await page.context().close();
  });
});
