import type { Page } from "playwright-core";
import { type Point, project } from "../../../src/lib/complaints/district-map";
import { districtMap } from "../../../src/lib/complaints/district-map-data";

const map = districtMap();

/** In 金桂社区, away from the demo cases' places, so no "same problem nearby" screen is likely. */
export const MAP_TARGET: Point = { lat: 30.2863, lng: 120.1937 };

/** Taps the filing map where `point` is drawn, through the SVG's own transform (as the island reads it back). */
export async function tapMap(page: Page, point: Point): Promise<void> {
  const svg = page.locator("svg.district-map.picking");
  await svg.scrollIntoViewIfNeeded();
  const at = project(map.projection, point);
  const screen = await svg.evaluate((el, at) => {
    const ctm = (el as SVGSVGElement).getScreenCTM();
    if (!ctm) throw new Error("the map is not drawn");
    const p = new DOMPoint(at.x, at.y).matrixTransform(ctm);
    return { x: p.x, y: p.y };
  }, at);
  await page.touchscreen.tap(screen.x, screen.y);
}
