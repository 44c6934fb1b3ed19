import { gzipSync } from "node:zlib";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import type { FreeSlot } from "../../../src/shared/appointments/wire";
import { browserForFile, freshPage, isFocused, poll, tabTo, typeInto, VIEWPORTS } from "../kit";
import {
  calendarText,
  chinaIcsTime,
  expectAxeCleanEverywhere,
  fillSlot,
  freeSlots,
  freshPhone,
  icsLine,
  slotIcsStart,
} from "./public-demo";

// A merchant on a 360 px phone books a document intake at /appointments/ by keyboard, saves the
// calendar file, opens the manage link, reschedules and cancels; another finds the slot they picked
// taken meanwhile and books one of the nearest free slots the answer offers. Slots are whatever the
// API offers today: the tests take the first free one, never a date of their own.

const baseUrl = inject("baseUrl");
const browser = browserForFile();
/** The filing page's budget (tests/browser/complaints/filing.test.ts): gzipped, React included. */
const FIRST_LOAD_JS_BUDGET = 90 * 1024;

/** Picks the service (arrow keys in its radio group) and waits for the earliest free slots of every point. */
async function chooseIntake(page: Page): Promise<void> {
  await page.goto(`${baseUrl}/appointments/`);
  await tabTo(page, page.locator("#service-consultation"));
  await page.keyboard.press("ArrowDown");
  await expect(page.locator("#service-intake").isChecked()).resolves.toBe(true);
  await page.locator("#appointment-slots").waitFor();
}

/** Picks a slot by keyboard: Tab into the slots' radio group, arrow keys to the one wanted. */
async function chooseSlot(page: Page, slot: FreeSlot): Promise<void> {
  const radios = page.locator('#appointment-slots input[type="radio"]');
  const values = await radios.evaluateAll((list) => list.map((r) => (r as HTMLInputElement).value));
  const index = values.indexOf(slot.id);
  expect(index, `${slot.id} is listed`).toBeGreaterThanOrEqual(0);
  await tabTo(page, radios.first());
  await page.keyboard.press("Space");
  for (let i = 0; i < index; i++) await page.keyboard.press("ArrowDown");
  await expect(page.locator(`#appointment-slots input[value="${slot.id}"]`).isChecked()).resolves.toBe(true);
}

/** Types the merchant's details, field by field by Tab. */
async function fillDetails(page: Page, phone: string): Promise<void> {
  await typeInto(page, "姓名", "陈老板");
  await typeInto(page, "手机号码", phone);
  await typeInto(page, "店铺名称", "陈记面馆");
  await typeInto(page, "店铺地址", "临河街道滨河路 26 号");
  await typeInto(page, "营业执照号（统一社会信用代码，选填）", "91330100MA2B3C4D5E");
}

async function submit(page: Page): Promise<void> {
  await tabTo(page, page.getByRole("button", { name: "确认预约" }));
  await page.keyboard.press("Enter");
}

async function downloadCalendar(page: Page, name: string | RegExp): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name }).click()]);
  expect(download.suggestedFilename()).toMatch(/^appointment-YY[0-9A-Z]{8}\.ics$/);
  return calendarText(download);
}

describe("booking a service-point appointment on a phone", () => {
  it("books an intake by keyboard, saves the calendar file, reschedules and cancels by the manage link", async () => {
    const [slot] = await freeSlots("intake");
    if (!slot) throw new Error("no free intake slot");
    const page = await freshPage(browser(), VIEWPORTS.phone);
    await chooseIntake(page);
    const intro = (await page.locator(".intro").textContent()) ?? "";
    for (const words of ["现场收件", "至少提前 1 天", "14 天内", "未到场", "12345"]) expect(intro).toContain(words);
    await expect(page.locator('.intro a[href="/appointments/points/"]').count()).resolves.toBe(1);
    await expectAxeCleanEverywhere(page);

    // Sent empty, the form says what is missing and takes focus to the first wrong field.
    await chooseSlot(page, slot);
    await submit(page);
    await page.locator(".error-summary").getByText("请填写姓名").waitFor();
    await poll(() => isFocused(page.locator("#appointment-name"))).toBe(true);
    await expectAxeCleanEverywhere(page);

    await fillDetails(page, freshPhone());
    await submit(page);
    await page.locator("#booked-heading").waitFor();
    await poll(() => isFocused(page.locator("#booked-heading"))).toBe(true);
    const answer = (await page.locator(".booked").textContent()) ?? "";
    expect(answer).toMatch(/YY[0-9A-Z]{8}/);
    for (const words of ["营业执照原件", "设置承诺书", "请保存管理链接", "改期或取消"]) expect(answer).toContain(words);
    await expectAxeCleanEverywhere(page);

    // The calendar file: the booking's time in Asia/Shanghai, where, and the link back.
    const ics = await downloadCalendar(page, "添加到日历（.ics 文件）");
    expect(icsLine(ics, "METHOD")).toBe("METHOD:PUBLISH");
    expect(icsLine(ics, "SUMMARY")).toContain("现场收件");
    expect(icsLine(ics, "DTSTART;TZID=Asia/Shanghai")).toBe(`DTSTART;TZID=Asia/Shanghai:${chinaIcsTime(slot.start)}`);
    expect(icsLine(ics, "DTEND;TZID=Asia/Shanghai")).toBe(`DTEND;TZID=Asia/Shanghai:${chinaIcsTime(slot.end)}`);
    expect(ics).toContain("BEGIN:VTIMEZONE");
    expect(icsLine(ics, "URL")).toContain("/appointments/manage/#t=");
    const firstSequence = Number(icsLine(ics, "SEQUENCE").split(":")[1]);

    // The manage link, opened as the merchant saved it: the secret only in the fragment.
    const link = (await page.locator(".manage-link a").getAttribute("href")) ?? "";
    expect(new URL(link).hash).toMatch(/^#t=[A-Za-z0-9_-]{22}$/);
    await page.goto(link);
    await page.locator("#manage-heading").waitFor();
    await expect(page.locator(".status-line").textContent()).resolves.toContain("已预约");
    const facts = (await page.locator(".facts").textContent()) ?? "";
    expect(facts).toContain("陈记面馆");
    expect(facts).toContain("137****");
    await expect(page.locator(".checklist").textContent()).resolves.toContain("营业执照原件");
    await expectAxeCleanEverywhere(page);

    // Reschedule to the first other free slot of the same service.
    await tabTo(page, page.getByRole("button", { name: "改到其他时段…" }));
    await page.keyboard.press("Enter");
    const other = page.locator('#reschedule-slots input[type="radio"]').first();
    await other.waitFor();
    const newSlotId = (await other.getAttribute("value")) ?? "";
    expect(newSlotId).not.toBe(slot.id);
    await tabTo(page, other);
    await page.keyboard.press("Space");
    await expectAxeCleanEverywhere(page);
    await tabTo(page, page.getByRole("button", { name: "确认改期" }));
    await page.keyboard.press("Enter");
    await page.getByText("日历文件已更新").waitFor();
    const rescheduled = await downloadCalendar(page, "下载日历文件（.ics）");
    expect(icsLine(rescheduled, "DTSTART;TZID=Asia/Shanghai")).toBe(
      `DTSTART;TZID=Asia/Shanghai:${slotIcsStart(newSlotId)}`,
    );
    expect(Number(icsLine(rescheduled, "SEQUENCE").split(":")[1])).toBeGreaterThan(firstSequence);
    await expect(page.locator(".messages").textContent()).resolves.toContain("预约已改期");
    await expectAxeCleanEverywhere(page);

    // Cancel, after saying yes once more.
    await tabTo(page, page.getByRole("button", { name: "取消预约…" }));
    await page.keyboard.press("Enter");
    await poll(() => isFocused(page.locator("#cancel-confirm"))).toBe(true);
    await tabTo(page, page.getByRole("button", { name: "确定取消预约" }));
    await page.keyboard.press("Enter");
    await page.getByText("预约已取消。").waitFor();
    await expect(page.locator(".status-line").textContent()).resolves.toContain("已取消");
    await expect(page.getByRole("button", { name: "改到其他时段…" }).count()).resolves.toBe(0);
    const cancelled = await downloadCalendar(page, "下载取消用的日历文件（.ics）");
    expect(icsLine(cancelled, "METHOD")).toBe("METHOD:CANCEL");
    await expectAxeCleanEverywhere(page);
    await page.context().close();
  });

  it("shows the nearest free slots when the slot picked is taken meanwhile, and books one of them", async () => {
    const [slot] = await freeSlots("intake");
    if (!slot) throw new Error("no free intake slot");
    const page = await freshPage(browser(), VIEWPORTS.phone);
    await chooseIntake(page);
    await chooseSlot(page, slot);
    await fillDetails(page, freshPhone());
    // Other merchants take the slot's last places while this one types.
    await fillSlot(slot);
    await submit(page);
    await page.locator("#taken-heading").waitFor();
    await poll(() => isFocused(page.locator("#taken-heading"))).toBe(true);
    await expect(page.locator(".error-summary").textContent()).resolves.toContain("已约满");
    const offered = page.locator('#appointment-alternatives input[type="radio"]');
    await expect(offered.count()).resolves.toBeGreaterThan(0);
    const values = await offered.evaluateAll((list) => list.map((r) => (r as HTMLInputElement).value));
    expect(values).not.toContain(slot.id);
    await expectAxeCleanEverywhere(page);

    await tabTo(page, offered.first());
    await page.keyboard.press("Space");
    await submit(page);
    await page.locator("#booked-heading").waitFor();
    const ics = await downloadCalendar(page, "添加到日历（.ics 文件）");
    expect(icsLine(ics, "DTSTART;TZID=Asia/Shanghai")).toBe(
      `DTSTART;TZID=Asia/Shanghai:${slotIcsStart(values[0] ?? "")}`,
    );
    await page.context().close();
  });
});

describe("the appointments pages' weight", () => {
  it.each(["/appointments/", "/appointments/manage/", "/appointments/points/"])(
    "%s loads at most 90 KB of JavaScript at first, gzipped, React included",
    async (path) => {
      const page = await freshPage(browser(), VIEWPORTS.phone);
      const scripts = new Map<string, Promise<Buffer>>();
      page.on("response", (res) => {
        const url = new URL(res.url());
        if (url.pathname.startsWith("/_astro/") && url.pathname.endsWith(".js")) scripts.set(url.pathname, res.body());
      });
      await page.goto(baseUrl + path);
      await page.waitForLoadState("networkidle");
      let total = 0;
      for (const body of scripts.values()) total += gzipSync(await body).length;
      console.info(`${path}: ${scripts.size} script files, ${(total / 1024).toFixed(1)} KB gzipped`);
      expect(scripts.size).toBeGreaterThan(0);
      expect(total).toBeLessThanOrEqual(FIRST_LOAD_JS_BUDGET);
      await page.context().close();
    },
  );
});
