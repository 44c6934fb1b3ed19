import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { contentSecurityPolicy, TURNSTILE_ORIGIN } from "../../../scripts/lib/csp.ts";
import { COMMUNITIES } from "../../../src/shared/geo";
import { axeViolations, browserForFile, VIEWPORTS } from "../kit";

// The built site has no Turnstile site key (local and CI), so this test serves the filing page as a
// build with one would be: the key in the island's props and the policy `npm run build` writes then.
// Turnstile itself is Cloudflare's script, which cannot be fetched here: a stand-in with the same
// client API answers for it, so what is tested is the island's side of the contract.

const baseUrl = inject("baseUrl");
const SITE_KEY = "0x4AAAAAAATestSiteKey";
const browser = browserForFile();

/** Turnstile's explicit-render API, passing after a moment and counting renders and removals. */
const FAKE_TURNSTILE = `
  window.__turnstile = { renders: 0, removed: 0, sitekey: null };
  window.turnstile = {
    render(el, o) {
      const n = ++window.__turnstile.renders;
      window.__turnstile.sitekey = o.sitekey;
      el.textContent = "";
      setTimeout(() => o.callback("token-" + n), 100);
      return "w" + n;
    },
    reset() {},
    remove() { window.__turnstile.removed++; },
  };`;

async function withSiteKey(page: Page, failScript = false) {
  await page.route(`${baseUrl}/complaints/new/`, async (route) => {
    const res = await route.fetch();
    // Astro serialises island props as [type, value] pairs inside an HTML attribute.
    const html = (await res.text()).replace(
      /turnstileSiteKey&quot;:\[0,&quot;&quot;\]/,
      `turnstileSiteKey&quot;:[0,&quot;${SITE_KEY}&quot;]`,
    );
    const policy = res.headers()["content-security-policy"] ?? "";
    const hashes = policy.match(/'sha256-[^']+'/g) ?? [];
    await route.fulfill({
      response: res,
      body: html,
      headers: { ...res.headers(), "content-security-policy": contentSecurityPolicy(hashes, { turnstile: true }) },
    });
  });
  await page.route(`${TURNSTILE_ORIGIN}/**`, (route) =>
    failScript ? route.abort() : route.fulfill({ contentType: "text/javascript", body: FAKE_TURNSTILE }),
  );
}

/** A finished draft on the review step, as the island keeps it in localStorage. */
async function draftAtReview(page: Page) {
  await page.addInitScript((communityId) => {
    localStorage.setItem(
      "complaint-draft",
      JSON.stringify({
        step: 4,
        idempotencyKey: crypto.randomUUID(),
        categoryId: "E0102",
        addressText: "临河路 12 号门口",
        communityId,
        point: null,
        description: "路边垃圾堆了好几天，没有人清理。",
        name: "",
        callbackWanted: false,
        phone: "",
        consent: true,
        photos: [],
      }),
    );
  }, COMMUNITIES[0]?.id ?? "");
}

describe("Turnstile on the filing page, when a site key is built in", () => {
  it("loads only on the review step, sends its token with the complaint, and needs a fresh one per attempt", async () => {
    const context = await browser().newContext({
      viewport: VIEWPORTS.phone,
      extraHTTPHeaders: { "cf-connecting-ip": "203.0.113.71" },
    });
    const page = await context.newPage();
    await withSiteKey(page);
    await draftAtReview(page);
    const external: string[] = [];
    page.on("request", (r) => r.url().startsWith(TURNSTILE_ORIGIN) && external.push(r.url()));
    const bodies: string[] = [];
    page.on(
      "request",
      (r) => r.url().endsWith("/api/complaints") && r.method() === "POST" && bodies.push(r.postData() ?? ""),
    );

    await page.goto(`${baseUrl}/complaints/new/`);
    await page.getByText("人机验证已通过。").waitFor();
    expect(external).toEqual([`${TURNSTILE_ORIGIN}/turnstile/v0/api.js?render=explicit`]);
    expect(
      await page.evaluate(() => (window as never as { __turnstile: { sitekey: string } }).__turnstile.sitekey),
    ).toBe(SITE_KEY);
    expect(await axeViolations(page)).toEqual([]);

    // The first attempt is refused by the server (answered here with a 403, as a failed check is);
    // the island asks Turnstile for a new token before the resident may try again.
    await page.route(
      `${baseUrl}/api/complaints`,
      (route) =>
        route.fulfill({
          status: 403,
          contentType: "application/problem+json",
          body: JSON.stringify({
            type: "about:blank",
            title: "没有权限",
            status: 403,
            detail: "人机验证未通过，请重试。",
          }),
        }),
      { times: 1 },
    );
    await page.getByRole("button", { name: "确认提交" }).click();
    await page.getByText("人机验证未通过，请重试。").first().waitFor();
    await page.getByText("人机验证已通过。").waitFor();
    expect(
      await page.evaluate(() => (window as never as { __turnstile: { renders: number } }).__turnstile.renders),
    ).toBe(2);

    await page.getByRole("button", { name: "确认提交" }).click();
    await page.getByRole("heading", { name: /投诉已提交/ }).waitFor();
    expect(bodies.map((b) => JSON.parse(b).turnstileToken)).toEqual(["token-1", "token-2"]);
    await context.close();
  });

  it("says so when Turnstile cannot load, keeps the draft, and refuses to submit without a token", async () => {
    const context = await browser().newContext({ viewport: VIEWPORTS.phone });
    const page = await context.newPage();
    await withSiteKey(page, true);
    await draftAtReview(page);
    let posted = 0;
    page.on("request", (r) => r.url().endsWith("/api/complaints") && r.method() === "POST" && posted++);
    await page.goto(`${baseUrl}/complaints/new/`);
    await page.getByText("人机验证加载失败，请检查网络后重试。您的内容已保存在本机。").waitFor();
    await page.getByRole("button", { name: "确认提交" }).click();
    await page.getByText("请等待人机验证通过后再提交。").first().waitFor();
    expect(posted).toBe(0);
    await expect(page.getByRole("button", { name: "重新加载人机验证" }).isVisible()).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
