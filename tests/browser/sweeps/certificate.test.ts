import { describe, expect, inject, it } from "vitest";
import { DEMO_VOLUNTEER } from "../../../scripts/seed/sweeps-past";
import { formatCheckCode } from "../../../src/shared/sweeps/certificate";
import type { MyCertificate } from "../../../src/shared/sweeps/wire";
import { browserForFile, expectAxeClean, freshClientAddress, freshPage, tabTo, VIEWPORTS } from "../kit";
import { DEMO_VOLUNTEER_MANAGE_PATH } from "./certificate-demo";

// A student on a 360 px phone opens their certificate from the manage page and prints it (A4, the
// seal's place, no site header or footer); a school verifies it by typing number and check code,
// and by the QR code's link, with no account.

const baseUrl = inject("baseUrl");
const browser = browserForFile();

/** The pages a PDF of the page has (Chromium's print, with the page's own @page size). */
function pdfPages(pdf: Buffer): { count: number; sizes: number[][] } {
  const text = pdf.toString("latin1");
  const sizes = [...text.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [
    Number(m[1]),
    Number(m[2]),
  ]);
  return { count: (text.match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length, sizes };
}

describe("the certificate on a phone", () => {
  it("opens from the manage link, shows the approved hours, and prints on one A4 sheet with the seal's place", async () => {
    const page = await freshPage(browser(), VIEWPORTS.phone);
    await page.goto(`${baseUrl}${DEMO_VOLUNTEER_MANAGE_PATH}`);
    await page.locator("#manage-heading").waitFor();
    const link = page.getByRole("link", { name: "申请/查看志愿服务记录证明" });
    await tabTo(page, link);
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/volunteer\/certificate\/#t=/);
    // Issued by a button the first time; another test file may have had it issued already.
    const issue = page.getByRole("button", { name: "开具志愿服务记录证明" });
    await page.locator(".certificate, .certificate-view button").first().waitFor();
    if (await issue.isVisible()) {
      await tabTo(page, issue);
      await page.keyboard.press("Enter");
    }
    await page.locator("#certificate-title").waitFor();
    const article = page.locator(".certificate");
    await expect(article.textContent()).resolves.toContain(DEMO_VOLUNTEER.name);
    await expect(article.locator(".cert-services tbody tr").count()).resolves.toBeGreaterThanOrEqual(3);
    await expect(article.textContent()).resolves.toMatch(/负责人.*经办人.*联系电话.*出具日期/s);
    await article.locator(".cert-qr svg").waitFor();
    await expect(page.getByRole("button", { name: "打印" }).isVisible()).resolves.toBe(true);
    await expectAxeClean(page, "the certificate page at 360 px");

    await page.emulateMedia({ media: "print" });
    await expect(page.locator(".site-header").isVisible()).resolves.toBe(false);
    await expect(page.locator(".site-footer").isVisible()).resolves.toBe(false);
    await expect(page.locator("h1").isVisible()).resolves.toBe(false);
    await expect(page.getByRole("button", { name: "打印" }).isVisible()).resolves.toBe(false);
    await expect(page.locator(".seal-box").isVisible()).resolves.toBe(true);
    await expect(page.locator(".seal-box").textContent()).resolves.toContain("盖章处");
    await expect(page.locator(".cert-number").textContent()).resolves.toMatch(/QXZY-\d{4}-/);
    const pdf = pdfPages(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    expect(pdf.count).toBe(1);
    // A4 is 210 × 297 mm, 595.3 × 841.9 points.
    const [width = 0, height = 0] = pdf.sizes[0] ?? [];
    expect(Math.abs(width - 595.3)).toBeLessThan(2);
    expect(Math.abs(height - 841.9)).toBeLessThan(2);
    await page.context().close();
  });
});

describe("a school verifies a certificate", () => {
  it("by typing the number and check code, and by the QR code's link: valid, in words", async () => {
    const res = await fetch(`${baseUrl}/api/sweeps/manage/certificate`, {
      method: "POST",
      headers: { "x-manage-token": DEMO_VOLUNTEER.manageToken, "cf-connecting-ip": freshClientAddress() },
    });
    const cert = ((await res.json()) as MyCertificate).certificate;
    if (!cert) throw new Error(`no certificate: ${res.status}`);

    const page = await freshPage(browser(), VIEWPORTS.phone);
    await page.goto(`${baseUrl}/volunteer/verify/`);
    // The form is in the page's HTML before its island hydrates: type once React has it.
    await page.locator("astro-island:not([ssr])").waitFor({ state: "attached" });
    await tabTo(page, page.getByLabel("证明编号", { exact: true }));
    await page.keyboard.type(cert.number.toLowerCase());
    await tabTo(page, page.getByLabel("校验码", { exact: true }));
    const last = cert.checkCode.endsWith("X") ? "Y" : "X";
    await page.keyboard.type(formatCheckCode(`${cert.checkCode.slice(0, 9)}${last}`));
    await page.keyboard.press("Enter");
    await page.getByText("没有找到这份证明").waitFor();
    await page.getByLabel("校验码", { exact: true }).fill("");
    await page.getByLabel("校验码", { exact: true }).focus();
    await page.keyboard.type(formatCheckCode(cert.checkCode));
    await page.keyboard.press("Enter");
    const heading = page.locator("#verify-result-heading");
    await heading.waitFor();
    await expect(heading.textContent()).resolves.toContain("核验结果：✓ 有效");
    await expect(page.locator(".verify-result").textContent()).resolves.toContain(DEMO_VOLUNTEER.name);
    await expectAxeClean(page, "the verify page, valid, at 360 px");

    const qr = await page.context().newPage();
    await qr.goto(`${baseUrl}${cert.verifyPath}`);
    await qr.locator("#verify-result-heading").waitFor();
    await expect(qr.locator("#verify-result-heading").textContent()).resolves.toContain("有效");
    await expect(qr.getByLabel("证明编号", { exact: true }).inputValue()).resolves.toBe(cert.number);
    await page.context().close();
  });
});
