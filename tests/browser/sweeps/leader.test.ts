import { describe, expect, inject, it } from "vitest";
import { browserForFile, expectAxeClean, freshPage, poll, tabTo, VIEWPORTS } from "../kit";
import { manageView } from "./demo";
import { leaderDemo } from "./lead-demo";

// The sweep's leader on a 360 px phone: the leader link opens the roll, the volunteer's code is
// typed (the fallback to scanning) to check them in, and a tap checks them out.

const baseUrl = inject("baseUrl");
const browser = browserForFile();

describe("the leader's page on a phone", () => {
  it("checks a volunteer in by the typed code and out by a tap, saying each step", async () => {
    const demo = await leaderDemo(baseUrl);
    const page = await freshPage(browser(), VIEWPORTS.phone);
    await page.goto(`${baseUrl}${demo.leaderPath}`);
    await page.locator(".leader-counts").waitFor();
    await expect(page.locator(".roster .name").allTextContents()).resolves.toEqual(["测试同学"]);
    await expectAxeClean(page, "the leader's page at 360 px");

    // The volunteer reads the code out; the leader types it, loosely, and presses Enter.
    const box = page.getByLabel("签到码", { exact: true });
    await tabTo(page, box);
    await page.keyboard.type(`${demo.code.slice(0, 4).toLowerCase()} ${demo.code.slice(4)}`);
    await page.keyboard.press("Enter");
    await poll(() => page.locator("p[role=status].status-line").textContent()).toBe("测试同学 签到成功。");
    await expect(page.locator(".roster .state").textContent()).resolves.toBe("已签到");
    await expect(box.inputValue()).resolves.toBe("");
    expect((await manageView(demo.signup.manageToken)).day.attendance).toBe("attended");

    // Every tap target is at least 44 px high.
    const heights = await page
      .locator(".leader button")
      .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height));
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(44);

    await page.getByRole("button", { name: "签退：测试同学" }).click();
    await poll(() => page.locator("p[role=status].status-line").textContent()).toMatch(/^测试同学 签退成功/);
    await expect(page.locator(".roster .state").textContent()).resolves.toMatch(/^已签退/);
    const day = (await manageView(demo.signup.manageToken)).day;
    expect(day.checkedOutAt).not.toBeNull();
    // Checked out before the start: no service time (travel and waiting do not count).
    expect(day.minutes).toBe(0);
    await expectAxeClean(page, "the leader's page after check-out at 360 px");

    // A code that is not this sweep's is said clearly, and nothing changes.
    await box.fill("ZZZZ9999");
    await page.keyboard.press("Enter");
    await poll(() => page.locator(".leader > [role=alert]").textContent()).toContain("没有找到这个签到码");
    await expectAxeClean(page, "the leader's page with a refused code at 360 px");
  });

  it("says a leader link without its secret is incomplete", async () => {
    const page = await freshPage(browser(), VIEWPORTS.phone);
    await page.goto(`${baseUrl}/volunteer/lead/`);
    await poll(() => page.locator(".leader > [role=alert]").textContent()).toContain("领队链接不完整");
  });
});
