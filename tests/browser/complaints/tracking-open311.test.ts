import { describe, expect, inject, it } from "vitest";
import type { Open311Filed } from "../../../src/shared/open311/post";
import { browserForFile, expectAxeCleanAt, freshClientAddress, VIEWPORTS, withSeniorMode } from "../kit";
import { staffStorageState } from "../sweeps/staff-demo";
import { fileByApi } from "./case-helpers";

// A case an app filed through Open311, opened by the tracking link the app passed on: the reporter
// reads the app's account id and the picture link among their personal data, and the account id
// goes with the contact. A website case lists neither.

const baseUrl = inject("baseUrl");
const browser = browserForFile();
const MEDIA = `https://img.example.org/uploads/2026/12/${"a".repeat(60)}/liuan-road-bin-overflowing.jpg`;

/** A key issued by the demo admin through the staff API, as the console does. */
async function issueKey(): Promise<string> {
  const context = await browser().newContext({
    storageState: await staffStorageState(browser(), baseUrl, "admin@demo.qingxi.example"),
  });
  const res = await context.request.post(`${baseUrl}/api/staff/open311/keys`, {
    data: { holder: `浏览器测试 App ${Date.now()}` },
    headers: { origin: baseUrl },
  });
  expect(res.status()).toBe(201);
  const { apiKey } = (await res.json()) as { apiKey: string };
  await context.close();
  return apiKey;
}

describe("an app's Open311 filing on the reporter's tracking page", () => {
  it("lists the account id and the picture link, wraps the link on a phone, and deletes the account id with the contact", async () => {
    const account = `app-user-${Date.now()}`;
    const res = await fetch(`${baseUrl}/open311/v2/requests.json`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "cf-connecting-ip": freshClientAddress() },
      body: new URLSearchParams({
        api_key: await issueKey(),
        service_code: "E0102",
        address_id: "hubin-square",
        description: "浏览器测试：垃圾桶满了",
        account_id: account,
        media_url: MEDIA,
      }).toString(),
    });
    expect(res.status).toBe(200);
    const [filed] = (await res.json()) as Open311Filed[];
    const link = new URL(filed?.tracking_url ?? "");

    const context = await browser().newContext({ viewport: VIEWPORTS.phone, locale: "zh-CN" });
    const page = await context.newPage();
    await page.goto(`${baseUrl}${link.pathname}${link.hash}`);
    await page.locator("#personal-heading").waitFor();
    const panel = page.locator("section.personal-data");
    const listed = (await panel.locator("dl").textContent()) ?? "";
    for (const text of ["应用中的账号标识", account, "图片链接", MEDIA]) expect(listed).toContain(text);
    // The link is shown as text the reporter can read, never as something the page loads or links to.
    expect(await panel.locator(`a[href="${MEDIA}"], img[src="${MEDIA}"]`).count()).toBe(0);
    await expectAxeCleanAt(page, [VIEWPORTS.phone, VIEWPORTS.desktop]);

    const senior = await context.newPage();
    await withSeniorMode(senior);
    await senior.goto(`${baseUrl}${link.pathname}${link.hash}`);
    await senior.locator("#contact-delete").waitFor();
    await expectAxeCleanAt(senior, [VIEWPORTS.phone, VIEWPORTS.desktop]);
    await senior.close();

    // The account id is the only contact this case holds: the delete button is offered for it.
    await page.getByRole("button", { name: "删除我的联系方式" }).click();
    await page.getByRole("button", { name: "确认删除" }).click();
    await page.getByRole("status").filter({ hasText: "已删除您的联系方式" }).waitFor();
    const after = (await panel.locator("dl").textContent()) ?? "";
    expect(after).not.toContain(account);
    expect(after).not.toContain("应用中的账号标识");
    expect(after).toContain(MEDIA);
    await context.close();
  }, 90_000);

  it("lists neither for a case filed on the website", async () => {
    const filed = await fileByApi(baseUrl, { name: "林测网", phone: "13955557777", callbackWanted: true });
    const context = await browser().newContext({ viewport: VIEWPORTS.phone, locale: "zh-CN" });
    const page = await context.newPage();
    await page.goto(`${baseUrl}${filed.trackingPath}`);
    await page.locator("#personal-heading").waitFor();
    const listed = (await page.locator("section.personal-data dl").textContent()) ?? "";
    expect(listed).toContain("林测网");
    expect(listed).not.toContain("应用中的账号标识");
    expect(listed).not.toContain("图片链接");
    await context.close();
  }, 60_000);
});
