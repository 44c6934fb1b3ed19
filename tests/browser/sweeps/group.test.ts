import { describe, expect, inject, it } from "vitest";
import { sweepPath } from "../../../src/lib/sweeps/manage-link";
import { browserForFile, expectAxeClean, freshPage, isFocused, poll, tabTo, typeInto, VIEWPORTS } from "../kit";
import { freshPhone } from "./demo";
import { sweepForGroup } from "./group-demo";

// A teacher on a 360 px phone signs up a class of three from a sweep's page, by keyboard, then
// completes one member's details through the group link.

const baseUrl = inject("baseUrl");
const browser = browserForFile();

describe("a teacher signs up a class", () => {
  it("takes the places all or nothing from a sweep's page, then completes a member through the group link", async () => {
    const sweep = await sweepForGroup(3, baseUrl);
    const page = await freshPage(browser(), VIEWPORTS.phone);
    await page.goto(`${baseUrl}${sweepPath(sweep.id)}`);
    await page.locator("#signup-heading").waitFor();

    // The disclosure opens by keyboard and says the group is taken whole or not at all.
    const summary = page.locator(".group-signup > summary");
    await tabTo(page, summary);
    await page.keyboard.press("Enter");
    await page.locator("#group-heading").waitFor();
    await expect(page.locator(".group-signup").textContent()).resolves.toContain("名额全有或全无");
    await expectAxeClean(page, "the group sign-up form at 360 px");

    await typeInto(page, "联系人姓名", "周老师");
    await typeInto(page, "联系人手机号码", freshPhone());
    await typeInto(page, "学校和班级", "青溪中学 高一（2）班");
    await typeInto(page, "人数", "3");
    await tabTo(page, page.locator("#group-consent"));
    await page.keyboard.press("Space");
    await tabTo(page, page.getByRole("button", { name: "为全体报名" }));
    await page.keyboard.press("Enter");

    const done = page.locator("#group-done-heading");
    await done.waitFor();
    await expect(done.textContent()).resolves.toBe("已为 3 人保留名额");
    await poll(() => isFocused(done)).toBe(true);
    const groupLink = (await page.locator(".signed-up .manage-link a").getAttribute("href")) ?? "";
    expect(groupLink).toMatch(/\/volunteer\/group\/#t=[A-Za-z0-9_-]{22}$/);
    await expectAxeClean(page, "the group's answer at 360 px");

    // The group's page: three held places and the deadline.
    await page.goto(groupLink);
    await page.locator("#group-heading").waitFor();
    await poll(() => page.locator(".group-members > li").count()).toBe(3);
    await expect(page.locator(".status-line").textContent()).resolves.toContain("前填写");
    await expectAxeClean(page, "the group's page at 360 px");

    await tabTo(page, page.getByRole("button", { name: "填写第 1 位的信息" }));
    await page.keyboard.press("Enter");
    await page.locator(".member-form").waitFor();
    await typeInto(page, "姓名", "陈同学");
    await typeInto(page, "手机号码", freshPhone());
    const birth = page.getByLabel("出生年月", { exact: true });
    await tabTo(page, birth);
    await birth.fill("2003-06");
    await expectAxeClean(page, "a member's form at 360 px");
    await tabTo(page, page.getByRole("button", { name: "保存第 1 位" }));
    await page.keyboard.press("Enter");

    const forward = page.locator(".forward");
    await forward.waitFor();
    await poll(() => isFocused(forward)).toBe(true);
    await expect(forward.locator(".manage-link a").first().getAttribute("href")).resolves.toMatch(
      /\/volunteer\/manage\/#t=[A-Za-z0-9_-]{22}$/,
    );
    await expect(page.locator(".group-members > li").first().textContent()).resolves.toContain("陈同学 · 已确认");
    await expect(page.locator(".status-line").textContent()).resolves.toContain("已填写 1 位");
    await expectAxeClean(page, "a completed member at 360 px");
    await page.context().close();
  });
});
