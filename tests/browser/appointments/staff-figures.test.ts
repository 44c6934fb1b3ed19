import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { lastMonth } from "../../../src/lib/complaints/console-figures";
import type { AppointmentFigures, FiguresRow } from "../../../src/shared/appointments/figures";
import { formatRate } from "../../../src/shared/complaints/figures";
import { lastDays } from "../../../src/shared/time";
import { browserForFile, expectAxeCleanAt, isFocused, poll, VIEWPORTS } from "../kit";
import { staffApiGet, staffStorageState } from "../sweeps/staff-demo";
import { DESK_CLERK } from "./desk-demo";

// The service points' figures in the console (/staff/appointments/figures/): the demo clerk of
// linhe sees their own point's figures of last month from the demo data, every number as the staff
// API gives it (the public page's small-number rule left out), a wrong period said in the page
// before anything is sent; the centre sees every point and picks one. Last month holds only the
// seeded past, which no other browser test changes (they book ahead and move bookings to today).

const baseUrl = inject("baseUrl");
const browser = browserForFile();
const ADMIN = "admin@demo.qingxi.example";

const figuresOf = (from: string, to: string, email: string, point?: string) =>
  staffApiGet<AppointmentFigures>(
    `/api/staff/appointments/figures?${new URLSearchParams({ from, to, ...(point ? { point } : {}) })}`,
    baseUrl,
    email,
  );

/** The cells of the points table's body rows, as text, a rate's counts under it (`.basis`) left out. */
const pointRows = (page: Page) =>
  page
    .locator(".figures-table")
    .first()
    .locator("tbody tr")
    .evaluateAll((rows) =>
      rows.map((r) =>
        [...r.querySelectorAll("th, td")].map((c) =>
          [...c.childNodes]
            .filter((n) => !(n instanceof Element && n.classList.contains("basis")))
            .map((n) => n.textContent)
            .join(""),
        ),
      ),
    );

/** A point's row as the page writes it from the API's figures (FiguresTable.tsx), every number shown. */
function expectedCells(row: FiguresRow): string[] {
  const b = row.bookings;
  const a = row.applications;
  if (!b || !a) throw new Error(`staff figures withheld a number: ${JSON.stringify(row)}`);
  const num = (n: number | null) => (n === null ? "—" : String(n));
  return [
    row.pointName,
    String(b.bookings),
    String(b.attended),
    String(b.noShows),
    String(b.walkIns),
    String(a.decided),
    num(a.averageWorkingDays),
    formatRate(a.onTimeRate),
    num(a.averageTrips),
    formatRate(a.oneTripRate),
  ];
}

const status = (page: Page) => page.getByRole("status").filter({ hasText: /\S/ }).first().textContent();

async function open(email: string) {
  const storageState = await staffStorageState(browser(), baseUrl, email);
  const context = await browser().newContext({ viewport: VIEWPORTS.desktop, locale: "zh-CN", storageState });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/staff/appointments/figures/`);
  await page.locator(".figures-table").first().waitFor();
  return { context, page };
}

describe("the service points' figures for staff", () => {
  it("show the demo clerk their own point's figures of last month, and say a wrong period in the page", async () => {
    const { from, to } = lastMonth();
    const api = await figuresOf(from, to, DESK_CLERK);
    expect(api.minimum).toBe(0);
    expect(api.points.map((p) => p.pointId)).toEqual(["linhe"]);
    const linhe = api.points[0] as FiguresRow;
    // The demo data's five weeks of past bookings reach into last month.
    expect(linhe.bookings?.bookings).toBeGreaterThan(0);

    const { context, page } = await open(DESK_CLERK);
    expect(page.url()).toContain(`from=${from}`);
    await poll(() => status(page)).toContain("临河");
    const rows = await pointRows(page);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toEqual(expectedCells(linhe));
    // A clerk has one point: no choice of point and no total row repeating it.
    await expect(page.locator("#figures-point").count()).resolves.toBe(0);
    await expect(page.locator(".figures-table tfoot").count()).resolves.toBe(0);
    await expect(page.locator(".figure-definitions dt").allTextContents()).resolves.toContain("平均跑动次数");

    // A custom period that runs backwards: refused in the page, next to the field, nothing loaded.
    await page.locator("#figures-from").fill("2026-11-20");
    await page.locator("#figures-to").fill("2026-11-10");
    await page.getByRole("button", { name: "查看统计" }).click();
    await poll(() => page.locator(".error-summary").textContent()).toContain("起始日期不能晚于结束日期");
    await expect(page.locator("#figures-to").getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(page.locator("#figures-to-error").textContent()).resolves.toContain("起始日期不能晚于结束日期");
    await poll(() => isFocused(page.locator("#figures-to"))).toBe(true);
    expect(page.url()).toContain(`to=${to}`);
    await expectAxeCleanAt(page, [VIEWPORTS.desktop, VIEWPORTS.phone]);

    // A ready-made period replaces it: the last 90 days, the error gone.
    await page.getByRole("button", { name: "近 90 天" }).click();
    const ninety = lastDays(90);
    await poll(async () => page.url()).toContain(`from=${ninety.from}`);
    await poll(() => page.locator(".error-summary").count()).toBe(0);
    await poll(() => status(page)).toContain("已显示");
    await context.close();
  });

  it("show the centre every point, and one point's figures when it picks one", async () => {
    const { from, to } = lastMonth();
    const all = await figuresOf(from, to, ADMIN);
    const { context, page } = await open(ADMIN);
    await poll(async () => (await pointRows(page)).map((r) => r[0])).toEqual(all.points.map((p) => p.pointName));
    await expect(page.locator(".figures-table tfoot th").textContent()).resolves.toBe("全区合计");

    await page.locator("#figures-point").selectOption("linhe");
    await page.getByRole("button", { name: "查看统计" }).click();
    await poll(async () => (await pointRows(page)).length).toBe(1);
    const linhe = (await figuresOf(from, to, ADMIN, "linhe")).points[0] as FiguresRow;
    expect((await pointRows(page))[0]).toEqual(expectedCells(linhe));
    await context.close();
  });
});
