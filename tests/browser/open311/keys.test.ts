import { describe, expect, inject, it } from "vitest";
import { browserForFile, VIEWPORTS } from "../kit";
import { expectAxeCleanAtBothSizes } from "../staff/helpers";
import { staffStorageState } from "../sweeps/staff-demo";

const baseUrl = inject("baseUrl");
const browser = browserForFile();
const ADMIN = "admin@demo.qingxi.example";

describe("Open311 API keys in the staff console", () => {
  it("issues a key shown once, lists it, and revokes it after a confirmation; the revoked key is refused", async () => {
    const context = await browser().newContext({
      viewport: VIEWPORTS.desktop,
      locale: "zh-CN",
      storageState: await staffStorageState(browser(), baseUrl, ADMIN),
    });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/staff/open311/keys/`);
    const holder = `浏览器测试 App ${Date.now()}`;
    await page.getByLabel("持有人（单位或应用）").fill(holder);
    await page.getByRole("button", { name: "签发密钥" }).click();

    // Shown once, with its copy button and the focus on the heading.
    await page.getByRole("heading", { name: `已签发：${holder}` }).waitFor();
    const apiKey = (await page.locator("#issued-key").textContent())?.trim() ?? "";
    expect(apiKey).toMatch(/^o311_[A-Za-z0-9_-]{32}$/);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("issued-heading");
    await page.getByRole("button", { name: "复制密钥" }).waitFor();
    await page.getByRole("button", { name: "我已交给持有人，继续" }).click();
    await expect(page.locator("#issued-key").count()).resolves.toBe(0);

    // Listed by its prefix, never the key; the page holds the key nowhere any more.
    const row = page.getByRole("row").filter({ hasText: holder });
    await row.waitFor();
    expect(await row.textContent()).toContain(`${apiKey.slice(0, 11)}…`);
    expect(await page.content()).not.toContain(apiKey);
    await expectAxeCleanAtBothSizes(page);

    // The key files through Open311 before it is revoked.
    const fileWith = () =>
      page.request.post(`${baseUrl}/open311/v2/requests.json`, {
        form: {
          api_key: apiKey,
          service_code: "E0102",
          address_id: "hubin-square",
          description: "浏览器测试：垃圾桶满了",
        },
      });
    expect((await fileWith()).status()).toBe(200);

    await row.getByRole("button", { name: /吊销/ }).click();
    const confirm = page.locator("#revoke-confirm");
    await confirm.waitFor();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("LEGEND");
    await confirm.getByRole("button", { name: "确认吊销" }).click();
    await page.getByText(`已吊销 ${holder} 的密钥`).waitFor();
    await expect(row.textContent()).resolves.toMatch(/已吊销/);
    await expect(row.getByRole("button", { name: /吊销/ }).count()).resolves.toBe(0);

    const refused = await fileWith();
    expect(refused.status()).toBe(403);
    expect(await refused.json()).toEqual([{ code: 403, description: expect.any(String) }]);
    await context.close();
  });
});
