import { describe, expect, inject, it } from "vitest";
import { DEMO_CASES, DEMO_REPORTERS } from "../../../scripts/seed/complaints.ts";
import { browserForFile, VIEWPORTS } from "../kit";

const baseUrl = inject("baseUrl");

/** What must never appear publicly: the demo reporters' names and phones, and exact coordinates. */
function leaks(text: string): string[] {
  const found: string[] = [];
  for (const r of DEMO_REPORTERS) {
    if (text.includes(r.name)) found.push(r.name);
    if (text.includes(r.phone) || text.includes(r.phone.slice(3))) found.push(r.phone);
  }
  // The district lies around 30.2–30.4 N, 120.1–120.3 E: more than 3 decimals is finer than 100 m.
  for (const m of text.matchAll(/\b(?:30|120)\.\d{4,}/g)) found.push(m[0]);
  return found;
}

const browser = browserForFile();

describe("no public view shows the demo reporters' personal data", () => {
  it("holds for every public complaint endpoint over all the seeded cases", async () => {
    // China-time days; open data answers for at most a year, which holds every seeded case.
    const chinaDay = (msAgo: number) => new Date(Date.now() + 8 * 3600_000 - msAgo).toISOString().slice(0, 10);
    const today = chinaDay(0);
    const yearAgo = chinaDay(365 * 86_400_000);
    const bodies: string[] = [];
    let cursor: number | null = null;
    let cases = 0;
    do {
      const res = await fetch(`${baseUrl}/api/complaints?limit=100${cursor ? `&before=${cursor}` : ""}`);
      expect(res.status).toBe(200);
      const page = (await res.json()) as {
        cases: { lat: number | null; lng: number | null; categoryId: string }[];
        next: number | null;
      };
      cases += page.cases.length;
      bodies.push(JSON.stringify(page));
      cursor = page.next;
    } while (cursor);
    // Every listed demo case was read: all but those not yet 立案 or refused (15 % of the seed's weights).
    expect(cases).toBeGreaterThanOrEqual(DEMO_CASES * 0.75);
    expect(cases).toBeLessThan(DEMO_CASES);
    for (const path of [
      "/api/complaints/hotspots?days=30",
      "/api/complaints/hotspots?days=90",
      "/api/complaints/figures",
      `/api/complaints/open-data.json?from=${yearAgo}&to=${today}`,
      `/api/complaints/open-data.csv?from=${yearAgo}&to=${today}`,
      "/api/complaints/nearby?categoryId=E0102&lat=30.32&lng=120.11",
      "/api/complaints/nearby?categoryId=C0118&lat=30.28&lng=120.19",
    ]) {
      const res = await fetch(baseUrl + path);
      expect(res.status, path).toBe(200);
      bodies.push(await res.text());
    }
    expect(leaks(bodies.join("\n"))).toEqual([]);
    // The check itself can fail: the seed's own data does hold what it looks for.
    expect(leaks(`${DEMO_REPORTERS[0]?.name} 30.123456`)).toHaveLength(2);
  });

  it("holds for the pages a visitor sees", async () => {
    const page = await browser().newPage({ viewport: VIEWPORTS.desktop });
    for (const path of ["/", "/complaints/", "/complaints/track/", "/complaints/new/"]) {
      const res = await page.goto(baseUrl + path);
      expect(res?.status(), path).toBe(200);
      await page.waitForLoadState("networkidle");
      expect(leaks(await page.content()), path).toEqual([]);
    }
    await page.close();
  });
});
