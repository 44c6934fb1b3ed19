import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { DEMO_PASSWORD } from "../../../scripts/seed/staff.ts";
import type { DeskDay } from "../../../src/shared/appointments/wire";
import { chinaDay } from "../../../src/shared/time";
import { browserForFile, expectAxeCleanAt, freshPage, isFocused, poll, tabTo, VIEWPORTS } from "../kit";
import { signIn } from "../staff/helpers";
import { staffApiGet } from "../sweeps/staff-demo";
import { DESK_CLERK, deskDemo } from "./desk-demo";

// The service point's desk on a tablet (1024 px): the demo clerk of linhe signs in by keyboard and
// lands on the desk, checks in a merchant who booked through the public API, marks one whose slot
// began half an hour ago as not come (and undoes it), writes a note, and puts a walk-in onto a
// free slot of today when the point is open now. Each step is said in the live region.

const baseUrl = inject("baseUrl");
const browser = browserForFile();
const TABLET = { width: 1024, height: 768 };

const status = (page: Page) => page.getByRole("status").filter({ hasText: /\S/ }).first().textContent();

/** Presses the row button labelled "<step>：<name>" by keyboard. */
async function press(page: Page, step: string, name: string): Promise<void> {
  const button = page.getByRole("button", { name: `${step}：${name}`, exact: true });
  await button.waitFor();
  await button.focus();
  await page.keyboard.press("Enter");
}

const rowOf = (page: Page, name: string) => page.locator(".desk-row").filter({ hasText: name });
const stateOf = (page: Page, name: string) => rowOf(page, name).locator(".desk-state").textContent();

describe("the service point's desk at 1024 px", () => {
  it("checks a booked merchant in, marks a late one as not come, notes, and takes a walk-in when open", async () => {
    const demo = await deskDemo();
    const page = await freshPage(browser(), TABLET);
    await signIn(page, baseUrl, DESK_CLERK, DEMO_PASSWORD);
    await page.waitForURL(`${baseUrl}/staff/appointments/`);
    await page.locator("#desk-heading").waitFor();
    await rowOf(page, demo.arriving.name).waitFor();
    // The clerk sees their own point only: no point to pick, the name shown.
    await expect(page.locator("#desk-point").count()).resolves.toBe(0);
    await expect(rowOf(page, demo.arriving.name).textContent()).resolves.toContain(demo.arriving.bookingNumber);

    await press(page, "签到", demo.arriving.name);
    await poll(() => status(page)).toContain(`${demo.arriving.name}（${demo.arriving.bookingNumber}） 签到成功`);
    await poll(() => stateOf(page, demo.arriving.name)).toBe("已签到");

    await press(page, "未到", demo.late.name);
    await poll(() => status(page)).toContain("已标记为未到");
    await poll(() => stateOf(page, demo.late.name)).toBe("未到");
    await press(page, "撤销", demo.late.name);
    await poll(() => status(page)).toContain("恢复为待到");
    await press(page, "未到", demo.late.name);
    await poll(() => status(page)).toContain("已标记为未到");

    // A note by keyboard: the form opens under the row with focus in it (the 备注 button it replaces
    // is gone), and focus comes back to that button when it closes.
    await press(page, "备注", demo.arriving.name);
    const note = page.getByLabel(`${demo.arriving.name} 的备注`);
    await poll(() => isFocused(note)).toBe(true);
    await page.keyboard.type("材料齐全，已收件");
    await tabTo(page, page.getByRole("button", { name: "保存备注" }));
    await page.keyboard.press("Enter");
    await poll(() => status(page)).toContain(`已保存 ${demo.arriving.name} 的备注`);
    await poll(() => rowOf(page, demo.arriving.name).textContent()).toContain("备注：材料齐全，已收件");
    await poll(() => isFocused(page.getByRole("button", { name: `备注：${demo.arriving.name}`, exact: true }))).toBe(
      true,
    );

    // The API agrees with what the page says.
    const day = await staffApiGet<DeskDay>(
      `/api/staff/appointments/points/linhe/day?date=${chinaDay()}`,
      baseUrl,
      DESK_CLERK,
    );
    const byNumber = (n: string) => day.desk.find((e) => e.bookingNumber === n);
    expect(byNumber(demo.arriving.bookingNumber)).toMatchObject({ status: "attended", note: "材料齐全，已收件" });
    expect(byNumber(demo.late.bookingNumber)?.status).toBe("no_show");

    // Walk-ins go onto today's desk slots that have not ended: there are some only while linhe is open.
    const soon = new Date(Date.now() + 5 * 60_000).toISOString();
    const open = day.slots.filter((s) => s.service !== "inspection" && s.free > 0 && s.end > soon);
    if (open.length > 0) {
      const slot = open[0];
      await page.locator("#walk-slot").selectOption(slot?.slotId ?? "");
      await page.locator("#walk-name").fill("现场商户");
      await page.locator("#walk-phone").fill("13700002222");
      await page.locator("#walk-shop").fill("现场小店");
      await page.locator("#walk-address").fill("临河街道滨河路 40 号");
      await page.getByRole("button", { name: "登记并签到" }).click();
      await poll(() => status(page)).toContain("已为 现场商户 现场登记并签到");
      await poll(() => rowOf(page, "现场商户").textContent()).toContain("现场登记");
    } else {
      await expect(page.locator(".desk-walk-in").textContent()).resolves.toContain("今天已没有可现场登记的空余时段");
    }

    await expectAxeCleanAt(page, [TABLET, VIEWPORTS.phone]);
    await page.context().close();
  });
});
