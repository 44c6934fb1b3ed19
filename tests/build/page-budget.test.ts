import { access } from "node:fs/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { measurePages, type PageWeight } from "../../scripts/lib/page-weight.ts";

/** Pages that need JavaScript to do their job (search, complaints, volunteer sign-up, appointments, the staff console); all others are content pages. */
const isInteractive = (path: string) =>
  path === "/search/" ||
  path.startsWith("/complaints/") ||
  path.startsWith("/volunteer/") ||
  path.startsWith("/appointments/") ||
  path.startsWith("/staff/");
const MAX_HTML_CSS_GZIP = 30 * 1024;
const MAX_INLINE_SCRIPT = 1024;

let pages: PageWeight[];
beforeAll(async () => {
  await access("dist/index.html").catch(() => {
    throw new Error("dist/ is missing: run `npm run build` first (npm test does).");
  });
  pages = await measurePages("dist");
});

describe("content pages are light", () => {
  it("finds every content page of the site", () => {
    const content = pages.filter((p) => !isInteractive(p.path));
    expect(content.length).toBeGreaterThanOrEqual(20);
  });

  it("ship no script file and at most one inline script of 1 KB (senior mode)", () => {
    for (const p of pages.filter((p) => !isInteractive(p.path))) {
      expect(p.scriptFiles, p.path).toEqual([]);
      expect(p.inlineScripts.length, p.path).toBeLessThanOrEqual(1);
      for (const size of p.inlineScripts) expect(size, p.path).toBeLessThanOrEqual(MAX_INLINE_SCRIPT);
    }
  });

  it("weigh at most 30 KB of HTML and CSS, gzipped", () => {
    for (const p of pages) expect(p.html.gzip + p.css.gzip, p.path).toBeLessThanOrEqual(MAX_HTML_CSS_GZIP);
  });
});
