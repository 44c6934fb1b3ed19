import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { districtMap } from "../../../src/lib/complaints/district-map-data";
import type { CaseDetail } from "../../../src/shared/complaints/console-wire";
import type { Hotspots } from "../../../src/shared/complaints/wire";
import { distanceMetres } from "../../../src/shared/geo";
import { browserForFile, expectAxeClean, expectAxeCleanAt, poll, VIEWPORTS, withSeniorMode } from "../kit";
import { caseIdOf, staffContext, staffSession } from "./case-helpers";
import { MAP_TARGET, tapMap } from "./map";
import { expectStep, residentContext } from "./resident";

// The place picker on our own district map, by touch on a 360 px phone: the tap gives the point
// and its community, the case is filed with a point near the tap, and nothing leaves the site.
// And the hot spots, drawn per community on the same map.

const baseUrl = inject("baseUrl");
const browser = browserForFile();
const map = districtMap();
const DISPATCHER = "dispatcher@demo.qingxi.example";
const TARGET = MAP_TARGET;

/** A draft already past the category step, as the device keeps it: this test is about the place. */
async function openPlaceStep(page: Page): Promise<void> {
  await page.addInitScript(() =>
    localStorage.setItem(
      "complaint-draft",
      JSON.stringify({ step: 1, idempotencyKey: crypto.randomUUID(), categoryId: "C0305" }),
    ),
  );
  await page.goto(`${baseUrl}/complaints/new/`);
  await page.locator("astro-island:not([ssr])").waitFor({ state: "attached" });
}

describe("choosing the place on the district map", () => {
  it("files a case placed by a tap at 360 px: community from the boundary, exact point near the tap, nothing off-site", async () => {
    const context = await residentContext(browser(), { hasTouch: true });
    const page = await context.newPage();
    const offSite: string[] = [];
    page.on("request", (req) => {
      if (!req.url().startsWith(baseUrl) && !req.url().startsWith("data:")) offSite.push(req.url());
    });
    await openPlaceStep(page);
    await page.locator("#step-heading").filter({ hasText: "问题位置" }).waitFor();
    const svg = page.locator("svg.district-map.picking");
    await expect(svg.getAttribute("role")).resolves.toBe("img");
    await expect(page.getByRole("img", { name: /青溪区地图/ }).count()).resolves.toBe(1);
    // The map fits the phone: no sideways scroll, as wide as the column.
    const box = await svg.boundingBox();
    expect(box?.width).toBeGreaterThan(300);
    expect(box?.width).toBeLessThanOrEqual(360);
    for (const name of ["金桂", "临河路", "2 公里"]) await expect(svg.textContent()).resolves.toContain(name);

    await page.getByLabel("地址或地标").fill("桂园路北侧人行道");
    await tapMap(page, TARGET);
    await page.getByText("地图上的标记：问题位于桂园街道金桂社区。").waitFor();
    await expect(page.locator(".map-picker .map-marker").count()).resolves.toBe(1);
    // The device was not asked: the opt-in panel claims no reading of its own.
    await expect(page.getByText(/已获取位置/).count()).resolves.toBe(0);
    await expectAxeClean(page, "place step with a point tapped on the map at 360 px");

    // A tap outside the district's boundary changes nothing.
    await tapMap(page, { lat: TARGET.lat, lng: map.projection.west - 0.0005 });
    await page.getByText("这里不在青溪区范围内").waitFor();
    await expect(page.locator(".map-picker .map-marker").count()).resolves.toBe(1);
    await tapMap(page, TARGET);
    await page.getByText("地图上的标记：问题位于桂园街道金桂社区。").waitFor();

    await page.getByRole("button", { name: "下一步" }).click();
    // Same-kind cases nearby get their own screen first; this is a new problem.
    const details = page.getByLabel("问题描述");
    const notSame = page.getByRole("button", { name: "不是同一个问题，继续" });
    await poll(async () => (await details.count()) + (await notSame.count())).toBeGreaterThan(0);
    if (await notSame.count()) await notSame.click();
    await expectStep(page, 3, "描述与照片");
    await details.fill("垃圾箱的盖子坏了，垃圾散落在人行道上。");
    await page.getByRole("button", { name: "下一步" }).click();
    await expectStep(page, 4, "联系方式与同意");
    await page.getByLabel(/我已阅读个人信息保护说明/).check();
    await page.getByRole("button", { name: "下一步" }).click();
    await expectStep(page, 5, "确认提交");
    // The review says where the point came from: the map, not the device.
    await expect(page.locator("main").textContent()).resolves.toContain("已在地图上标出");
    await expect(page.locator("main").textContent()).resolves.not.toContain("已使用本机位置");
    await page.getByRole("button", { name: "确认提交" }).click();
    await page.getByRole("heading", { name: "投诉已提交" }).waitFor();
    const caseNumber = (await page.locator("[data-case-number]").first().getAttribute("data-case-number")) ?? "";
    expect(offSite).toEqual([]);
    await context.close();

    // Staff see the exact point stored: where the tap was, within what one pixel of a phone's map covers.
    const session = await staffSession(browser(), baseUrl, DISPATCHER);
    const staff = await staffContext(browser(), session);
    const id = await caseIdOf(staff, baseUrl, caseNumber);
    const res = await staff.request.get(`${baseUrl}/api/staff/complaints/${id}`);
    const detail: CaseDetail = await res.json();
    expect(detail.communityId).toBe("jingui");
    expect(detail.lat).not.toBeNull();
    const metres = distanceMetres({ lat: detail.lat ?? 0, lng: detail.lng ?? 0 }, TARGET);
    expect(metres).toBeLessThan(40);
    await staff.close();
  });

  it("keeps the list for keyboard users, and the map state is axe-clean at 360 and 1280 px in senior mode", async () => {
    const context = await residentContext(browser(), { hasTouch: true });
    const page = await context.newPage();
    await withSeniorMode(page);
    await openPlaceStep(page);
    await page.locator("#step-heading").filter({ hasText: "问题位置" }).waitFor();
    // Without a point the community list is there; the map itself takes no keyboard focus.
    await expect(page.getByLabel("所在社区").count()).resolves.toBe(1);
    await expect(page.locator("svg.district-map").getAttribute("tabindex")).resolves.toBeNull();
    await tapMap(page, TARGET);
    await page.locator(".map-picker .map-marker").waitFor();
    await expectAxeCleanAt(page, [VIEWPORTS.phone, VIEWPORTS.desktop]);
    // Clearing the mark brings the list back.
    await page.getByRole("button", { name: "清除地图上的标记" }).click();
    await page.getByLabel("所在社区").waitFor();
    await expect(page.locator(".map-picker .map-marker").count()).resolves.toBe(0);
    await context.close();
  });

  it("places the case from the list when the map's code does not arrive, and shows the map after a reload", async () => {
    const context = await residentContext(browser(), { hasTouch: true });
    const page = await context.newPage();
    // The map loads with the place step, not with the page: drop its first download.
    let asked = 0;
    await page.route(/\/_astro\/[^/]+\/MapPicker\.[^/]+\.js$/, (route) =>
      ++asked === 1 ? route.abort("connectionreset") : route.continue(),
    );
    await openPlaceStep(page);
    await page.locator("#step-heading").filter({ hasText: "问题位置" }).waitFor();
    await page.getByText("地图没有加载成功").waitFor();
    await expectAxeClean(page, "place step whose map did not load, at 360 px");
    await page.getByLabel("地址或地标").fill("荷塘路口");
    await page.getByLabel("所在社区").selectOption("hetang");
    await page.getByRole("button", { name: "下一步" }).click();
    await expectStep(page, 3, "描述与照片");
    // The browser keeps a failed module failed until a reload (the draft survives one: filing-recovery).
    await page.reload();
    await page.locator("#step-heading").filter({ hasText: "问题位置" }).waitFor();
    await page.locator("svg.district-map.picking").waitFor();
    expect(asked).toBe(2);
    await context.close();
  });
});

describe("the hot spots on the district map", () => {
  it("shades and counts each community as the API sums it, draws no case's point, and is axe-clean", async () => {
    const context = await residentContext(browser());
    const page = await context.newPage();
    await page.goto(`${baseUrl}/complaints/#hotspots-heading`);
    const drawn = page.locator(".hotspot-map svg.district-map");
    await page.locator(".hotspot-map .map-note").first().waitFor();
    await expect(page.getByRole("img", { name: "近 30 天各社区的投诉件数（地图）" }).count()).resolves.toBe(1);
    await expect(page.getByRole("table", { name: /近 30 天/ }).count()).resolves.toBe(1);

    const api: Hotspots = await (await fetch(`${baseUrl}/api/complaints/hotspots?days=30`)).json();
    const totals = new Map<string, number>();
    for (const c of api.cells) totals.set(c.communityId, (totals.get(c.communityId) ?? 0) + c.count);
    for (const c of map.communities) {
      const label = drawn.locator(".map-community-label").filter({ hasText: c.short });
      await expect(label.locator(".map-note").textContent()).resolves.toBe(`${totals.get(c.id) ?? 0} 件`);
    }
    // Only the gazetteer's places are dots: no case is drawn where it was reported.
    await expect(drawn.locator("circle").count()).resolves.toBe(map.places.length);
    await expectAxeCleanAt(page, [VIEWPORTS.phone, VIEWPORTS.desktop]);
    await context.close();
  });
});
