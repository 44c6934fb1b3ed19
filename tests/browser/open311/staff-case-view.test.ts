import { beforeAll, describe, expect, inject, it } from "vitest";
import type { Open311Filed } from "../../../src/shared/open311/post";
import { caseIdOf, fileByApi, openCase, type Session, staffContext, staffSession } from "../complaints/case-helpers";
import {
  browserForFile,
  expectAxeCleanAt,
  freshClientAddress,
  sidewaysScroll,
  VIEWPORTS,
  withSeniorMode,
} from "../kit";

// The staff case page says where a case came from: an app's Open311 key (holder and prefix), the
// account id masked like the phone until the audited reveal, and the picture link as text or a link
// the page never loads. A website case says 网站 and has no link.

const baseUrl = inject("baseUrl");
const browser = browserForFile();
const DISPATCHER = "dispatcher@demo.qingxi.example";
const MEDIA = `https://img.example.org/uploads/2026/12/${"b".repeat(60)}/linhe-road-pothole.jpg`;
let dispatcher: Session;
let admin: Session;

beforeAll(async () => {
  dispatcher = await staffSession(browser(), baseUrl, DISPATCHER);
  admin = await staffSession(browser(), baseUrl, "admin@demo.qingxi.example");
});

/** A key issued by the demo admin through the staff API, as the console does: the key and its holder. */
async function issueKey(): Promise<{ apiKey: string; holder: string }> {
  const context = await staffContext(browser(), admin);
  const holder = `案件页测试 App ${Date.now()}`;
  const res = await context.request.post(`${baseUrl}/api/staff/open311/keys`, {
    data: { holder },
    headers: { origin: baseUrl },
  });
  expect(res.status()).toBe(201);
  const { apiKey } = (await res.json()) as { apiKey: string };
  await context.close();
  return { apiKey, holder };
}

/** The case number behind an Open311 answer's tracking link. */
async function caseNumberOf(filed: Open311Filed): Promise<string> {
  const token = new URL(filed.tracking_url).hash.replace(/^#t=/, "");
  const res = await fetch(`${baseUrl}/api/complaints/track`, { headers: { "x-tracking-token": token } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { caseNumber: string }).caseNumber;
}

describe("the staff case page shows a case's channel", () => {
  it("an app's filing: key holder and prefix, the masked account id revealed on request, the picture link never loaded", async () => {
    const { apiKey, holder } = await issueKey();
    const account = `wx_case_page_${Date.now()}`;
    const res = await fetch(`${baseUrl}/open311/v2/requests.json`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "cf-connecting-ip": freshClientAddress() },
      body: new URLSearchParams({
        api_key: apiKey,
        service_code: "E0102",
        address_id: "hubin-square",
        description: "浏览器测试：案件页的来源",
        account_id: account,
        media_url: MEDIA,
        last_name: "周",
        phone: "13955558888",
      }).toString(),
    });
    expect(res.status).toBe(200);
    const [filed] = (await res.json()) as Open311Filed[];
    const caseNumber = await caseNumberOf(filed as Open311Filed);

    const context = await staffContext(browser(), dispatcher, VIEWPORTS.phone);
    const requested: string[] = [];
    context.on("request", (r) => requested.push(r.url()));
    const id = await caseIdOf(context, baseUrl, caseNumber);
    const page = await context.newPage();
    await openCase(page, baseUrl, id);
    const facts = page.locator(".facts");
    const text = (await facts.textContent()) ?? "";
    for (const t of ["开放接口", holder, apiKey.slice(0, 11), "图片链接", MEDIA, "外部链接，系统未下载，请谨慎打开"]) {
      expect(text).toContain(t);
    }
    expect(text).toContain(`${account.slice(0, 2)}***${account.slice(-2)}`);
    expect(text).not.toContain(account);
    const link = facts.locator(`a[href="${MEDIA}"]`);
    expect(await link.getAttribute("rel")).toBe("noopener noreferrer nofollow");
    expect(await link.getAttribute("target")).toBe("_blank");
    expect(await page.locator(`img[src="${MEDIA}"]`).count()).toBe(0);
    // The long link wraps on a phone rather than pushing the page sideways.
    expect(await sidewaysScroll(page)).toBe(0);
    await expectAxeCleanAt(page, [VIEWPORTS.phone, VIEWPORTS.desktop]);

    await page.getByRole("button", { name: "显示完整联系方式" }).click();
    await page.locator("#reporter-contact").getByText(account).waitFor();
    expect(await page.locator("#reporter-contact").textContent()).toContain("13955558888");
    expect(requested.filter((u) => u.startsWith("https://img.example.org"))).toEqual([]);

    const senior = await context.newPage();
    await withSeniorMode(senior);
    await openCase(senior, baseUrl, id);
    await expectAxeCleanAt(senior, [VIEWPORTS.phone, VIEWPORTS.desktop]);
    await context.close();
  }, 90_000);

  it("a website filing: 网站, and no picture link", async () => {
    const filed = await fileByApi(baseUrl);
    const context = await staffContext(browser(), dispatcher);
    const page = await context.newPage();
    await openCase(page, baseUrl, await caseIdOf(context, baseUrl, filed.caseNumber));
    const facts = page.locator(".facts");
    await expect(facts.locator("dt", { hasText: "来源" }).locator("+ dd").textContent()).resolves.toBe("网站");
    expect(await facts.textContent()).not.toContain("图片链接");
    await context.close();
  });
});
