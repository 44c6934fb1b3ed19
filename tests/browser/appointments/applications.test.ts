import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { executeLocal } from "../../../scripts/lib/wrangler.ts";
import { DEMO_PASSWORD } from "../../../scripts/seed/staff.ts";
import { chinaDay, dayStart } from "../../../src/shared/time";
import { browserForFile, expectAxeCleanAt, freshPage, poll, typeInto, VIEWPORTS } from "../kit";
import { signIn } from "../staff/helpers";
import { bookByApi, freeSlots } from "./public-demo";

// A signboard application in the browser: a merchant's intake booking (made through the API, then
// moved to this very hour, as the desk's tests do: the Worker's clock cannot move and the point opens
// only on some days) is received by linhe's demo clerk at 1024 px, who asks for one missing
// material; the merchant sees it on the manage page at 360 px; the clerk records it, accepts, books
// the inspection and decides; the merchant sees the decision. axe on each page at its sizes.

const baseUrl = inject("baseUrl");
const browser = browserForFile();
const TABLET = { width: 1024, height: 768 };
/** The demo service-point clerk (scripts/seed/staff.ts): unit linhe-service-point, point linhe. */
const CLERK = "servicepoint@demo.qingxi.example";

const status = (page: Page) => page.getByRole("status").filter({ hasText: /\S/ }).first().textContent();

/** A linhe intake booked through the API, moved to start this minute today (China time). */
async function intakeNow() {
  const [slot] = await freeSlots("intake", "linhe", baseUrl);
  const booking = await bookByApi(slot?.id ?? "", baseUrl);
  const now = Date.now();
  const start = new Date(Math.max(Math.floor(now / 60_000) * 60_000, dayStart(chinaDay(new Date(now))).getTime()));
  const clock = new Date(start.getTime() + 8 * 3_600_000).toISOString().slice(0, 16);
  const end = new Date(start.getTime() + 30 * 60_000);
  await executeLocal(inject("d1State"), [
    `UPDATE appointments SET slot_id = 'linhe:intake:${clock}+08:00', slot_start = '${start.toISOString()}',
      slot_end = '${end.toISOString()}' WHERE booking_number = '${booking.bookingNumber}'`,
  ]);
  return booking;
}

async function press(page: Page, name: string) {
  const button = page.getByRole("button", { name, exact: true });
  await button.click();
}

describe("a signboard application from the desk to the merchant's phone", () => {
  it("is received, asks for a material, is accepted, inspected and decided; the merchant sees each", async () => {
    const booking = await intakeNow();
    const staff = await freshPage(browser(), TABLET);
    await signIn(staff, baseUrl, CLERK, DEMO_PASSWORD);
    await staff.waitForURL(`${baseUrl}/staff/appointments/`);
    await staff.goto(`${baseUrl}/staff/appointments/applications/`);
    await staff.getByRole("heading", { name: "办理中的申请（按期限）" }).waitFor();

    await typeInto(staff, "现场收件的预约号", booking.bookingNumber);
    await staff.keyboard.press("Enter");
    await poll(() => status(staff)).toContain("已登记收件");
    const heading = staff.locator("#application-detail-heading");
    const number = /SQ[0-9A-Z]{8}/.exec((await heading.textContent()) ?? "")?.[0] ?? "";
    expect(number).toMatch(/^SQ/);
    await expectAxeCleanAt(staff, [TABLET, VIEWPORTS.desktop]);

    await staff.getByLabel("设置承诺书", { exact: true }).check();
    await press(staff, "告知补正（1 项）");
    await poll(() => status(staff)).toContain("已一次性告知补正材料");

    // The merchant's phone: the missing material and its deadline on the manage page.
    const merchant = await freshPage(browser(), VIEWPORTS.phone);
    await merchant.goto(`${baseUrl}${booking.managePath}`);
    const missing = merchant.getByRole("heading", { name: "需要补正的材料（一次性告知）" });
    await missing.waitFor();
    await expect(merchant.locator(".application .callout li").first().textContent()).resolves.toContain("设置承诺书");
    await expect(merchant.locator(".application").textContent()).resolves.toContain(number);
    await expectAxeCleanAt(merchant, [VIEWPORTS.phone, VIEWPORTS.desktop]);

    await press(staff, "记录收到（1 项）");
    await poll(() => status(staff)).toContain("已记录收到的补正材料");
    await press(staff, "受理");
    await poll(() => status(staff)).toContain("已受理");
    const slot = staff.getByLabel("查看时段");
    await poll(() => slot.locator("option").count()).toBeGreaterThan(1);
    await slot.selectOption({ index: 1 });
    await press(staff, "预约现场查看");
    await poll(() => status(staff)).toContain("已预约现场查看");
    await staff.getByLabel("准予", { exact: true }).check();
    await staff.getByLabel("理由（不予时必填；准予可写有效期和条件）").fill("同意设置，有效期三年");
    await press(staff, "作出决定");
    await poll(() => status(staff)).toContain("已作出决定");
    await expectAxeCleanAt(staff, [TABLET, VIEWPORTS.desktop]);

    await merchant.reload();
    await merchant.getByRole("heading", { name: "审批决定：准予" }).waitFor();
    await expect(merchant.locator(".application").textContent()).resolves.toContain("同意设置，有效期三年");
    await expectAxeCleanAt(merchant, [VIEWPORTS.phone, VIEWPORTS.desktop]);
  });
});
