import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { DEMO_PASSWORD } from "../../../scripts/seed/staff.ts";
import type { StaffCalendarView } from "../../../src/shared/appointments/calendar-staff-wire";
import { addDays } from "../../../src/shared/time";
import { browserForFile, expectAxeCleanAt, freshPage, poll, VIEWPORTS } from "../kit";
import { signIn } from "../staff/helpers";
import { staffApiGet } from "../sweeps/staff-demo";
import { DESK_CLERK } from "./desk-demo";

// The service point's calendar (/staff/appointments/calendar/) as the demo clerk of linhe: the weeks
// with their real hours, the warning for a year whose holidays are missing, the template editor
// refusing a week below 10 hours before anything is sent, and a closure entered, confirmed with the
// bookings it cancels (none: a day past the booking horizon, so no other test's slots change) and
// reopened. Nothing stays changed: other browser tests book linhe's slots.

const baseUrl = inject("baseUrl");
const browser = browserForFile();
const calendarOf = () =>
  staffApiGet<StaffCalendarView>("/api/staff/appointments/points/linhe/calendar", baseUrl, DESK_CLERK);
const status = (page: Page) => page.getByRole("status").filter({ hasText: /\S/ }).first().textContent();

describe("the service point's calendar", () => {
  it("shows the weeks, refuses a template below 10 hours, and closes and reopens a day", async () => {
    const before = await calendarOf();
    const page = await freshPage(browser(), VIEWPORTS.desktop);
    await signIn(page, baseUrl, DESK_CLERK, DEMO_PASSWORD);
    await page.waitForURL(`${baseUrl}/staff/appointments/`);
    await page.goto(`${baseUrl}/staff/appointments/calendar/`);
    await page.locator(".calendar-weeks").waitFor();
    const firstWeek = before.calendar.weeks[0];
    await expect(page.locator(".calendar-weeks tbody tr").first().textContent()).resolves.toContain(
      firstWeek && "hours" in firstWeek ? `${firstWeek.hours}` : "尚未录入",
    );
    for (const year of before.calendar.unknownYears) {
      await expect(page.locator(".calendar-warning").textContent()).resolves.toContain(`${year} 年节假日安排尚未录入`);
    }

    // Saturday's hours removed: the total says 6 hours live, and saving is refused in the page.
    await page.getByRole("button", { name: "删除周六第 1 段" }).click();
    await poll(() => page.locator(".template-total").textContent()).toContain("少于规定的 10 小时，不能保存");
    await page.getByRole("button", { name: "保存办公时段" }).click();
    await poll(() => page.locator("#template-errors").textContent()).toContain("少于规定的 10 小时");
    expect((await calendarOf()).template.version).toBe(before.template.version);

    // A closure past the booking horizon: seen with no booking to cancel, confirmed, then reopened.
    const day = addDays(before.calendar.horizonEnd, 2);
    await page.locator("#closure-day").fill(day);
    await page.locator("#closure-reason").selectOption("weather");
    await page.getByRole("button", { name: "查看受影响的预约" }).click();
    await poll(() => page.locator(".closure-confirm").textContent()).toContain("将被取消的预约：0 个");
    await page.getByRole("button", { name: "确认闭门" }).click();
    await poll(() => status(page)).toContain("临时闭门（恶劣天气），取消预约 0 个");
    // The newest of the day, listed last (a failed earlier run may have left one).
    const closed = (await calendarOf()).closures.filter((c) => c.day === day).at(-1);
    expect(closed).toMatchObject({ reason: "weather", from: null });
    await expectAxeCleanAt(page, [VIEWPORTS.desktop, VIEWPORTS.phone]);
    await page.locator(".closure-list button").last().click();
    await poll(() => status(page)).toContain("已撤销闭门");
    expect((await calendarOf()).closures.some((c) => c.id === closed?.id)).toBe(false);
    await page.context().close();
  });
});
