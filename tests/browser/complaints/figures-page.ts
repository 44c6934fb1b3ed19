// Reading the public figures page and the API's answer for the same month, so the figures test can
// compare the two: the summary cards, the table rows, the month shown, and layout shifts.
import type { Page } from "playwright-core";
import { expect, inject } from "vitest";
import { formatRate, METRIC_LABELS, RATES } from "../../../src/shared/complaints/figures";
import type { MonthFigures } from "../../../src/shared/complaints/wire";

const baseUrl = inject("baseUrl");

/** The API's answer for a month, or for its default (the last full month) without one. */
export async function apiFigures(month?: string): Promise<MonthFigures> {
  const res = await fetch(`${baseUrl}/api/complaints/figures${month ? `?month=${month}` : ""}`);
  expect(res.status).toBe(200);
  return res.json();
}

/** "2026-10" → "2026年10月", written out here rather than taken from the page's own code. */
export const zhMonth = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5))}月`;

/**
 * Adds up the layout shifts inside the page's main content that no user input caused (Cumulative
 * Layout Shift). Shifts of the whole page are left out: the header's senior-mode button appears
 * when the document has loaded and can push everything down on a phone, on every page of the site.
 */
export async function watchLayoutShift(page: Page): Promise<() => Promise<number>> {
  await page.addInitScript(() => {
    const w = window as unknown as { layoutShift: number };
    w.layoutShift = 0;
    type Shift = PerformanceEntry & { value: number; hadRecentInput: boolean; sources: { node: Node | null }[] };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as Shift[]) {
        const main = document.querySelector("main");
        const inside = e.sources.every((s) => s.node && s.node !== main && main?.contains(s.node));
        if (!e.hadRecentInput && inside) w.layoutShift += e.value;
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
  return () => page.evaluate(() => (window as unknown as { layoutShift: number }).layoutShift);
}

/** Waits until the page says which month it shows. */
export async function shown(page: Page, month: string): Promise<void> {
  await page
    .locator(".figures-status")
    .getByText(`已显示${zhMonth(month)}的统计。`)
    .waitFor();
}

export async function openFigures(page: Page): Promise<void> {
  await page.goto(`${baseUrl}/complaints/figures/`);
  await page
    .locator(".figures-status")
    .getByText(/^已显示/)
    .waitFor();
}

/** The summary as shown: [label, figure, counts] per rate. */
export const summary = (page: Page) =>
  page
    .locator(".rate-summary > div")
    .evaluateAll((cards) =>
      cards.map((c) => [
        c.querySelector("dt")?.textContent,
        c.querySelector(".rate-figure")?.textContent,
        c.querySelector(".rate-basis")?.textContent,
      ]),
    );

export const expectedSummary = (f: MonthFigures) =>
  RATES.map((r) => [
    r.label,
    formatRate(f.total.rates[r.id]),
    `${METRIC_LABELS[r.numerator]} ${f.total.counts[r.numerator]} / ${METRIC_LABELS[r.denominator]} ${f.total.counts[r.denominator]}`,
  ]);

/** A table row as shown: the header, the count received, then "rate|numerator/denominator" per rate. */
const tableRows = (page: Page, part: "tbody" | "tfoot") =>
  page.locator(`.figures-table ${part} tr`).evaluateAll((rows) =>
    rows.map((tr) =>
      [...tr.children].map((cell) => {
        const rate = cell.querySelector(".rate");
        return rate ? `${rate.textContent}|${cell.querySelector(".basis")?.textContent}` : cell.textContent;
      }),
    ),
  );

const expectedRow = (name: string, f: MonthFigures["total"]) => [
  name,
  String(f.counts.received),
  ...RATES.map((r) => `${formatRate(f.rates[r.id])}|${f.counts[r.numerator]}/${f.counts[r.denominator]}`),
];

/** The page shows `f`: headings, the six rates with their counts, a row per unit and the total. */
export async function expectFigures(page: Page, f: MonthFigures): Promise<void> {
  await expect(page.locator("#total-heading").textContent()).resolves.toBe(`${zhMonth(f.month)}全区办理情况`);
  await expect(page.locator(".figures-period").textContent()).resolves.toContain(
    `共收到投诉 ${f.total.counts.received} 件`,
  );
  await expect(summary(page)).resolves.toEqual(expectedSummary(f));
  await expect(tableRows(page, "tbody")).resolves.toEqual(f.units.map((u) => expectedRow(u.name, u)));
  await expect(tableRows(page, "tfoot")).resolves.toEqual([expectedRow("全区合计", f.total)]);
}
