import { randomInt } from "node:crypto";
import type { Locator, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { executeLocal } from "../../../scripts/lib/wrangler.ts";
import { DEMO_PASSWORD } from "../../../scripts/seed/staff.ts";
import { chinaDay, dayStart } from "../../../src/shared/time";
import { browserForFile, expectAxeCleanAt, freshPage, isFocused, poll, tabTo, typeInto, VIEWPORTS } from "../kit";
import { signIn } from "../staff/helpers";
import { DESK_CLERK } from "./desk-demo";
import { calendarText, chinaIcsTime, freeSlots, freshPhone, icsLine, slotIcsStart } from "./public-demo";

// The whole journey of issue 12, in one browser run: a merchant on a 360 px phone books a document
// intake at linhe by keyboard, saves the calendar file, reschedules by the manage link; on the day
// (the booking is moved to this very minute in the served D1, slot id, start and end together as the
// slot-id trigger wants: the Worker's clock cannot move, and a booking must be made a day ahead) they
// come, and linhe's demo clerk on a 1024 px tablet checks them in at the desk, receives the
// application, asks for one missing document; the merchant's manage page shows it; the clerk
// records it, accepts, books the inspection and decides; the merchant sees the decision. axe
// (wcag22aa) at 360 and 1280 px (and the tablet's 1024 px for the staff) in normal and senior mode
// at every page and state. The slots are whatever the API offers first, never a date of our own.

const baseUrl = inject("baseUrl");
const browser = browserForFile();
const TABLET = { width: 1024, height: 768 };
const MINUTE = 60_000;

/** axe finds nothing at each size in normal and senior mode; the page is left at `back`, normal mode. */
async function axeEverywhere(page: Page, back: { width: number; height: number }, extra: (typeof TABLET)[] = []) {
  for (const senior of [false, true]) {
    await page.evaluate((on) => document.documentElement.classList.toggle("senior", on), senior);
    await expectAxeCleanAt(page, [VIEWPORTS.phone, VIEWPORTS.desktop, ...extra]);
  }
  await page.evaluate(() => document.documentElement.classList.remove("senior"));
  await page.setViewportSize(back);
}

/** Presses a control by keyboard: Tab to it, then Enter (a button) or Space (a box or a radio). */
async function pressKey(page: Page, target: Locator, key: "Enter" | "Space" = "Enter") {
  await target.waitFor();
  await tabTo(page, target);
  await page.keyboard.press(key);
}

const button = (page: Page, name: string) => page.getByRole("button", { name, exact: true });
const status = (page: Page) => page.getByRole("status").filter({ hasText: /\S/ }).first().textContent();

async function download(page: Page, name: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name }).click()]);
  expect(file.suggestedFilename()).toMatch(/^appointment-YY[0-9A-Z]{8}\.ics$/);
  return calendarText(file);
}

/** The booking moved to start this minute today, China time (never before today's midnight). */
async function comeToday(bookingNumber: string): Promise<void> {
  const now = Date.now();
  const start = new Date(Math.max(Math.floor(now / MINUTE) * MINUTE, dayStart(chinaDay(new Date(now))).getTime()));
  const clock = new Date(start.getTime() + 8 * 3_600_000).toISOString().slice(0, 16);
  await executeLocal(inject("d1State"), [
    `UPDATE appointments SET slot_id = 'linhe:intake:${clock}+08:00', slot_start = '${start.toISOString()}',
      slot_end = '${new Date(start.getTime() + 30 * MINUTE).toISOString()}' WHERE booking_number = '${bookingNumber}'`,
  ]);
}

describe("a merchant's signboard application, from booking to decision", () => {
  it("books, saves the calendar, reschedules, comes, is checked in, asked for a document, accepted, inspected and decided", async () => {
    const name = `周老板${String(randomInt(10_000)).padStart(4, "0")}`;
    const offered = await freeSlots("intake", "linhe");

    // ---- The merchant books an intake at linhe on a phone, by keyboard. ----
    const merchant = await freshPage(browser(), VIEWPORTS.phone);
    await merchant.goto(`${baseUrl}/appointments/?point=linhe`);
    await tabTo(merchant, merchant.locator("#service-consultation"));
    await merchant.keyboard.press("ArrowDown");
    await expect(merchant.locator("#service-intake").isChecked()).resolves.toBe(true);
    await merchant.locator("#appointment-slots").waitFor();
    const radios = merchant.locator('#appointment-slots input[type="radio"]');
    const values = await radios.evaluateAll((list) => list.map((r) => (r as HTMLInputElement).value));
    // Whatever the API offers first today.
    const slot = offered.find((s) => s.id === values[0]);
    if (!slot) throw new Error(`the page's first slot ${values[0]} is not one the API offers`);
    await pressKey(merchant, radios.first(), "Space");
    await expect(radios.first().isChecked()).resolves.toBe(true);
    await axeEverywhere(merchant, VIEWPORTS.phone);
    await typeInto(merchant, "姓名", name);
    await typeInto(merchant, "手机号码", freshPhone());
    await typeInto(merchant, "店铺名称", "周记烘焙");
    await typeInto(merchant, "店铺地址", "临河街道滨河路 52 号");
    await pressKey(merchant, button(merchant, "确认预约"));
    await merchant.locator("#booked-heading").waitFor();
    await poll(() => isFocused(merchant.locator("#booked-heading"))).toBe(true);
    const bookingNumber = /YY[0-9A-Z]{8}/.exec((await merchant.locator(".booked").textContent()) ?? "")?.[0] ?? "";
    expect(bookingNumber).toMatch(/^YY/);
    await axeEverywhere(merchant, VIEWPORTS.phone);

    // The calendar file: the slot's time in Asia/Shanghai.
    const ics = await download(merchant, "添加到日历（.ics 文件）");
    expect(icsLine(ics, "DTSTART;TZID=Asia/Shanghai")).toBe(`DTSTART;TZID=Asia/Shanghai:${chinaIcsTime(slot.start)}`);
    const sequence = Number(icsLine(ics, "SEQUENCE").split(":")[1]);

    // ---- The manage link: reschedule to the next free slot. ----
    const link = (await merchant.locator(".manage-link a").getAttribute("href")) ?? "";
    expect(new URL(link).hash).toMatch(/^#t=/);
    await merchant.goto(link);
    await merchant.locator("#manage-heading").waitFor();
    await expect(merchant.locator(".status-line").textContent()).resolves.toContain("已预约");
    await axeEverywhere(merchant, VIEWPORTS.phone);
    await pressKey(merchant, button(merchant, "改到其他时段…"));
    const other = merchant.locator('#reschedule-slots input[type="radio"]').first();
    await other.waitFor();
    const newSlotId = (await other.getAttribute("value")) ?? "";
    expect(newSlotId).not.toBe(slot.id);
    await pressKey(merchant, other, "Space");
    await axeEverywhere(merchant, VIEWPORTS.phone);
    await pressKey(merchant, button(merchant, "确认改期"));
    await merchant.getByText("日历文件已更新").waitFor();
    const moved = await download(merchant, "下载日历文件（.ics）");
    expect(icsLine(moved, "DTSTART;TZID=Asia/Shanghai")).toBe(`DTSTART;TZID=Asia/Shanghai:${slotIcsStart(newSlotId)}`);
    expect(Number(icsLine(moved, "SEQUENCE").split(":")[1])).toBeGreaterThan(sequence);
    await axeEverywhere(merchant, VIEWPORTS.phone);

    // ---- The day comes: the merchant is at the desk; the clerk checks them in on a tablet. ----
    await comeToday(bookingNumber);
    const staff = await freshPage(browser(), TABLET);
    await signIn(staff, baseUrl, DESK_CLERK, DEMO_PASSWORD);
    await staff.waitForURL(`${baseUrl}/staff/appointments/`);
    await staff.locator("#desk-heading").waitFor();
    const row = staff.locator(".desk-row").filter({ hasText: name });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain(bookingNumber);
    await axeEverywhere(staff, TABLET, [TABLET]);
    await pressKey(staff, button(staff, `签到：${name}`));
    await poll(() => status(staff)).toContain(`${name}（${bookingNumber}） 签到成功`);
    await poll(() => row.locator(".desk-state").textContent()).toBe("已签到");
    await axeEverywhere(staff, TABLET, [TABLET]);

    // ---- The clerk opens the application from the booking and asks for one missing document. ----
    await staff.goto(`${baseUrl}/staff/appointments/applications/`);
    await staff.getByRole("heading", { name: "办理中的申请（按期限）" }).waitFor();
    await axeEverywhere(staff, TABLET, [TABLET]);
    await typeInto(staff, "现场收件的预约号", bookingNumber);
    await staff.keyboard.press("Enter");
    await poll(() => status(staff)).toContain("已登记收件");
    const number = /SQ[0-9A-Z]{8}/.exec((await staff.locator("#application-detail-heading").textContent()) ?? "")?.[0];
    expect(number).toMatch(/^SQ[0-9A-Z]{8}$/);
    await axeEverywhere(staff, TABLET, [TABLET]);
    await pressKey(staff, staff.getByLabel("设置承诺书", { exact: true }), "Space");
    await expect(staff.getByLabel("设置承诺书", { exact: true }).isChecked()).resolves.toBe(true);
    await pressKey(staff, button(staff, "告知补正（1 项）"));
    await poll(() => status(staff)).toContain("已一次性告知补正材料");
    await axeEverywhere(staff, TABLET, [TABLET]);

    // ---- The merchant's manage page lists it, with its deadline. ----
    await merchant.reload();
    await merchant.getByRole("heading", { name: "需要补正的材料（一次性告知）" }).waitFor();
    await expect(merchant.locator(".application .callout li").first().textContent()).resolves.toContain("设置承诺书");
    await expect(merchant.locator(".application").textContent()).resolves.toContain(number ?? "");
    await axeEverywhere(merchant, VIEWPORTS.phone);

    // ---- The document comes; the clerk accepts, books the inspection and decides. ----
    await pressKey(staff, button(staff, "记录收到（1 项）"));
    await poll(() => status(staff)).toContain("已记录收到的补正材料");
    await pressKey(staff, button(staff, "受理"));
    await poll(() => status(staff)).toContain("已受理");
    await axeEverywhere(staff, TABLET, [TABLET]);
    const window = staff.getByLabel("查看时段");
    await poll(() => window.locator("option").count()).toBeGreaterThan(1);
    // The first window offered, chosen by arrow key in the list.
    await tabTo(staff, window);
    await staff.keyboard.press("ArrowDown");
    // A closed list takes the arrow key on Windows and Linux; where it opens a popup instead, pick it.
    if ((await window.inputValue()) === "") await window.selectOption({ index: 1 });
    await poll(() => window.inputValue()).not.toBe("");
    await pressKey(staff, button(staff, "预约现场查看"));
    await poll(() => status(staff)).toContain("已预约现场查看");
    await axeEverywhere(staff, TABLET, [TABLET]);
    await pressKey(staff, staff.getByLabel("准予", { exact: true }), "Space");
    await typeInto(staff, "理由（不予时必填；准予可写有效期和条件）", "同意设置，有效期三年");
    await pressKey(staff, button(staff, "作出决定"));
    await poll(() => status(staff)).toContain("已作出决定");
    await axeEverywhere(staff, TABLET, [TABLET]);

    // ---- The merchant sees the decision. ----
    await merchant.reload();
    await merchant.getByRole("heading", { name: "审批决定：准予" }).waitFor();
    await expect(merchant.locator(".application").textContent()).resolves.toContain("同意设置，有效期三年");
    await axeEverywhere(merchant, VIEWPORTS.phone);
    await staff.context().close();
    await merchant.context().close();
  });
});
