import { access, readFile } from "node:fs/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { districtMap } from "../../src/lib/complaints/district-map-data";

// The district map is drawn at build time from our own data: it must be in the built pages, whole,
// and point at nothing outside the site (no tiles, no fonts, no images).

const map = districtMap();
const EXTERNAL = /https?:|\/\/|<image|href=|url\(/i;

const fromAttribute = (s: string) =>
  s
    .replaceAll("&quot;", '"')
    .replaceAll("&#39;", "'")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");

beforeAll(async () => {
  await access("dist/index.html").catch(() => {
    throw new Error("dist/ is missing: run `npm run build` first (npm test does).");
  });
});

describe("the district map in the built site", () => {
  it("is drawn into the hot spots page's HTML: every community and road, no external URL", async () => {
    const html = await readFile("dist/complaints/index.html", "utf8");
    const svg = html.match(/<svg class="district-map"[\s\S]*?<\/svg>/)?.[0] ?? "";
    expect(svg).toContain('role="img"');
    for (const c of map.communities) expect(svg).toContain(`d="${c.d}"`);
    for (const r of map.roads) expect(svg).toContain(`d="${r.d}"`);
    expect(svg).toContain(map.scale.label);
    expect(svg).not.toMatch(EXTERNAL);
  });

  it("is baked into the filing island's props, not fetched, with no external URL", async () => {
    const html = await readFile("dist/complaints/new/index.html", "utf8");
    const island = [...html.matchAll(/<astro-island\b[^>]*>/g)]
      .map((m) => m[0])
      .find((tag) => /component-url="[^"]*FileComplaint/.test(tag));
    const props = fromAttribute(island?.match(/\bprops="([^"]*)"/)?.[1] ?? "");
    for (const c of map.communities) expect(props).toContain(c.d);
    for (const r of map.roads) expect(props).toContain(r.d);
    expect(props).not.toMatch(EXTERNAL);
  });
});
