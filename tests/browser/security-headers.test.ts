import { describe, expect, inject, it } from "vitest";
import { browserForFile, VIEWPORTS, watchCsp } from "./kit";
import { PAGE_TEMPLATES } from "./pages";

const baseUrl = inject("baseUrl");
const browser = browserForFile();

/** A policy as directive name → sources, e.g. "script-src" → ["'self'", …]. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .map(([name = "", ...sources]) => [name, sources]),
  );
}

function expectSecurityHeaders(headers: Record<string, string>, path: string): void {
  const policy = headers["content-security-policy"] ?? "";
  // One policy: a second one (joined with a comma) would be enforced as well.
  expect(policy, path).not.toContain(",");
  const csp = directives(policy);
  expect(csp.get("default-src"), path).toEqual(["'self'"]);
  expect(csp.get("object-src"), path).toEqual(["'none'"]);
  expect(csp.get("base-uri"), path).toEqual(["'none'"]);
  expect(csp.get("frame-ancestors"), path).toEqual(["'none'"]);
  expect(csp.get("script-src"), path).toContain("'self'");
  expect(csp.get("script-src"), path).not.toContain("'unsafe-inline'");
  expect(csp.get("script-src"), path).not.toContain("'unsafe-eval'");
  expect(headers["strict-transport-security"], path).toMatch(/^max-age=31536000\b/);
  expect(headers["x-content-type-options"], path).toBe("nosniff");
  expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
  const permissions = (headers["permissions-policy"] ?? "").split(",").map((p) => p.trim());
  expect(permissions, path).toEqual(expect.arrayContaining(["geolocation=(self)", "camera=(self)", "microphone=()"]));
  expect(headers["x-frame-options"], path).toBe("DENY");
  expect(headers["cross-origin-opener-policy"], path).toBe("same-origin");
}

/**
 * Console messages that count as violations too: the policy's own, and Pagefind's (its worker
 * reports a blocked wasm only as "falling back to main thread").
 */
const CSP_OR_PAGEFIND = /Content[- ]Security[- ]Policy|Pagefind/i;

describe("security headers of the static site", () => {
  it.each(PAGE_TEMPLATES)("$name carries the security headers and runs with no CSP violation", async ({ path }) => {
    const page = await browser().newPage({ viewport: VIEWPORTS.phone });
    const violations = await watchCsp(page, CSP_OR_PAGEFIND);
    const workers: string[] = [];
    page.on("worker", (w) => workers.push(new URL(w.url()).pathname));
    const res = await page.goto(baseUrl + path);
    expectSecurityHeaders((await res?.allHeaders()) ?? {}, path);
    const search = path.startsWith("/search/");
    // The search has run, or failed, once its status says so: then list any violation first.
    if (search)
      await page
        .locator("#search-status")
        .filter({ hasText: /共找到|没有找到|暂时不可用/ })
        .waitFor();
    await page.waitForLoadState("networkidle");
    expect(await violations(), path).toEqual([]);
    if (search) {
      // Results mean Pagefind's worker compiled its wasm and fetched the index under the policy.
      await page.locator("#search-results li").first().waitFor({ timeout: 5000 });
      expect(workers).toContain("/pagefind/pagefind-worker.js");
    }
    await page.close();
  });

  it("lets the senior-mode script, allowed by its hash, switch senior mode on", async () => {
    const page = await browser().newPage({ viewport: VIEWPORTS.phone });
    const violations = await watchCsp(page, CSP_OR_PAGEFIND);
    await page.goto(`${baseUrl}/`);
    expect(await violations()).toEqual([]);
    await page.getByRole("button", { name: "长者模式" }).click();
    expect(await page.evaluate(() => document.documentElement.classList.contains("senior"))).toBe(true);
    expect(await violations()).toEqual([]);
    await page.close();
  });

  it("keeps everything under /staff/ out of search engines, and nothing else", async () => {
    const staff = await fetch(`${baseUrl}/staff/`);
    expect(staff.headers.get("x-robots-tag")).toBe("noindex, nofollow");
    expect(staff.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    const home = await fetch(`${baseUrl}/`);
    expect(home.headers.get("x-robots-tag")).toBeNull();
  });

  it("lets Astro's hashed files be cached for a year", async () => {
    const html = await (await fetch(`${baseUrl}/search/`)).text();
    const script = /src="(\/_astro\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const res = await fetch(baseUrl + script);
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("does not let a file missing under /_astro/ be cached: its 404 is asked for again next time", async () => {
    // A page cached from an older build asks for a hash this build does not have.
    for (const path of ["/_astro/FileComplaint.0ld-Hash.js", "/_astro/no-such-dir/x.css"]) {
      const res = await fetch(baseUrl + path);
      expect(res.status, path).toBe(404);
      const cache = res.headers.get("cache-control") ?? "";
      expect(cache, path).not.toContain("immutable");
      expect(Number(/max-age=(\d+)/.exec(cache)?.[1] ?? 0), path).toBeLessThanOrEqual(60);
    }
  });
});

describe("security headers of the API", () => {
  it("answers with the API's own policy, which allows nothing to load, and HSTS", async () => {
    const res = await fetch(`${baseUrl}/api/health`);
    const csp = directives(res.headers.get("content-security-policy") ?? "");
    expect(csp.get("default-src")).toEqual(["'none'"]);
    expect(res.headers.get("strict-transport-security")).toMatch(/^max-age=31536000\b/);
  });
});
