import { describe, expect, inject, it } from "vitest";
import type { TrackingView } from "../../../src/shared/complaints/wire";
import { browserForFile, expectAxeCleanAt, isFocused, tabTo, VIEWPORTS, withSeniorMode } from "../kit";
import { caseIdOf, fileByApi, openCase, staffContext, staffSession } from "./case-helpers";

// A reporter on a phone sees what the case holds about them through the tracking link and deletes
// their contact details by keyboard; the dispatcher's case page then says the reporter did so.

const baseUrl = inject("baseUrl");
const browser = browserForFile();

describe("deleting one's contact details through the tracking link", () => {
  it("lists the personal data, deletes the contact after a confirmation, and tells the dispatcher", async () => {
    const filed = await fileByApi(baseUrl, { name: "林测删", phone: "13955556666", callbackWanted: true });
    const context = await browser().newContext({ viewport: VIEWPORTS.phone, locale: "zh-CN" });
    const page = await context.newPage();
    await page.goto(`${baseUrl}${filed.trackingPath}`);
    const panel = page.locator("section.personal-data");
    await page.locator("#personal-heading").waitFor();
    const listed = (await panel.locator("dl").textContent()) ?? "";
    for (const text of ["林测删", "13955556666", "需要", "柳岸路 12 号对面", "垃圾箱的盖子坏了", "0 张"]) {
      expect(listed).toContain(text);
    }

    // Senior mode's larger type, before anything changes.
    const senior = await context.newPage();
    await withSeniorMode(senior);
    await senior.goto(`${baseUrl}${filed.trackingPath}`);
    await senior.locator("#contact-delete").waitFor();
    await expectAxeCleanAt(senior, [VIEWPORTS.phone, VIEWPORTS.desktop]);
    await senior.close();

    const start = page.getByRole("button", { name: "删除我的联系方式" });
    await tabTo(page, start);
    await page.keyboard.press("Enter");
    const confirm = page.getByRole("button", { name: "确认删除" });
    await confirm.waitFor();
    expect(await isFocused(confirm)).toBe(true);
    await expectAxeCleanAt(page, [VIEWPORTS.phone, VIEWPORTS.desktop]);
    await page.setViewportSize(VIEWPORTS.phone);
    await page.keyboard.press("Enter");
    await page.getByRole("status").filter({ hasText: "已删除您的联系方式" }).waitFor();
    expect(await isFocused(page.locator("#personal-heading"))).toBe(true);
    const after = (await panel.textContent()) ?? "";
    expect(after).not.toContain("林测删");
    expect(after).not.toContain("13955556666");
    expect(after).toContain("删除了联系方式");
    expect(await start.count()).toBe(0);
    await context.close();

    const res = await fetch(`${baseUrl}/api/complaints/track`, {
      headers: { "x-tracking-token": filed.trackingToken },
    });
    const view = (await res.json()) as TrackingView;
    expect(view.personalData).toMatchObject({ name: null, phone: null, callbackWanted: false });

    const dispatcher = await staffContext(
      browser(),
      await staffSession(browser(), baseUrl, "dispatcher@demo.qingxi.example"),
    );
    const staffPage = await dispatcher.newPage();
    await openCase(staffPage, baseUrl, await caseIdOf(dispatcher, baseUrl, filed.caseNumber));
    const contact = (await staffPage.locator("#reporter-contact").textContent()) ?? "";
    expect(contact).toContain("通过查询链接删除了联系方式");
    expect(await staffPage.getByRole("button", { name: "显示完整联系方式" }).count()).toBe(0);
    await dispatcher.close();
  }, 90_000);
});
