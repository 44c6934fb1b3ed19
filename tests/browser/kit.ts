// What every browser test uses, in one place: a Chromium per file, the three screen sizes, a fresh
// page per person, keyboard moves, axe, a Content-Security-Policy watcher, waits with room for a
// busy machine, and a real photo. Feature helpers (filing, staff sessions) build on these in
// tests/browser/<feature>/.
import { randomInt } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { type Browser, type BrowserContextOptions, chromium, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, expect, inject } from "vitest";

export const VIEWPORTS = {
  phone: { width: 360, height: 800 },
  tablet: { width: 768, height: 1024 },
  desktop: { width: 1280, height: 800 },
} as const;

export type Viewport = { width: number; height: number };

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: inject("chromiumPath"),
    headless: true,
    // The machine has no network: keep Chromium from trying to reach Google's services.
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
}

/**
 * One Chromium for the calling test file: launched before its first test, closed after its last.
 * Returns the browser as a function, since it exists only once the file's tests run.
 */
export function browserForFile(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error("the browser is used before the file's tests started");
    return browser;
  };
}

/**
 * An address no other context of this run uses, for `cf-connecting-ip`: filing and sign-in are
 * throttled per client address, and test files run one after another within the same minute.
 */
export function freshClientAddress(): string {
  return `100.${64 + randomInt(64)}.${randomInt(256)}.${randomInt(1, 255)}`;
}

/**
 * A page in a fresh profile of its own at `viewport`, in Chinese, as its own client address (see
 * freshClientAddress): one person's device. `options` add to the context (a session, downloads).
 */
export async function freshPage(
  browser: Browser,
  viewport: Viewport,
  options: BrowserContextOptions = {},
): Promise<Page> {
  const context = await browser.newContext({
    viewport,
    locale: "zh-CN",
    extraHTTPHeaders: { "cf-connecting-ip": freshClientAddress() },
    ...options,
  });
  return context.newPage();
}

// ---------------------------------------------------------------------------------------------
// Waiting and the keyboard

/** expect.poll with room for a busy machine (its default gives up after one second). */
export const poll = <T>(fn: () => Promise<T>) => expect.poll(fn, { timeout: 15_000 });

export const isFocused = (target: Locator) => target.evaluate((el) => el === document.activeElement);

/** Presses Tab (or Shift+Tab) until `target` has focus, as a keyboard user would; fails if never reached. */
export async function tabTo(page: Page, target: Locator, key: "Tab" | "Shift+Tab" = "Tab"): Promise<void> {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press(key);
    if (await isFocused(target)) return;
  }
  throw new Error(`the control was not reached with ${key}`);
}

/** Types into the field labelled `label` (exactly), reached by Tab, as a person on a keyboard would. */
export async function typeInto(page: Page, label: string, text: string): Promise<void> {
  await tabTo(page, page.getByLabel(label, { exact: true }));
  await page.keyboard.type(text);
}

// ---------------------------------------------------------------------------------------------
// Accessibility and layout

const require = createRequire(import.meta.url);
let axeSource: string | undefined;

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core in the page with the WCAG 2.0/2.1/2.2 A and AA rules; returns the violations. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  axeSource ??= await readFile(require.resolve("axe-core/axe.min.js"), "utf8");
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected into the page at run time.
    const axe = (window as any).axe;
    const result = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    });
    return result.violations.map((v: AxeViolation) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
}

/** How far the page scrolls sideways (0 or less: not at all). */
export function sidewaysScroll(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** axe finds nothing and nothing scrolls sideways, at the page's current size. */
export async function expectAxeClean(page: Page, where: string): Promise<void> {
  expect(await axeViolations(page), where).toEqual([]);
  expect(await sidewaysScroll(page), `sideways scroll: ${where}`).toBeLessThanOrEqual(0);
}

/** expectAxeClean at each size; the page is left at desktop size. */
export async function expectAxeCleanAt(page: Page, viewports: readonly Viewport[]): Promise<void> {
  for (const viewport of viewports) {
    await page.setViewportSize(viewport);
    await expectAxeClean(page, `${page.url()} at ${viewport.width} px`);
  }
  await page.setViewportSize(VIEWPORTS.desktop);
}

/** Turns senior mode on for a page before it loads, as a returning user would have it. */
export async function withSeniorMode(page: Page): Promise<void> {
  await page.addInitScript(() => localStorage.setItem("senior", "1"));
}

// ---------------------------------------------------------------------------------------------
// Content Security Policy

/**
 * Records, from before the page's first script, every CSP violation the page reports and every
 * console error or warning that matches `console` (by default: about the policy). Returns a
 * function that reads what was recorded.
 */
export async function watchCsp(
  page: Page,
  console: RegExp = /Content[- ]Security[- ]Policy/i,
): Promise<() => Promise<string[]>> {
  const logged: string[] = [];
  page.on("console", (m) => {
    if ((m.type() === "error" || m.type() === "warning") && console.test(m.text()))
      logged.push(`console.${m.type()}: ${m.text()}`);
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    window.addEventListener("securitypolicyviolation", (e) =>
      seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || "inline code"} at ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  return async () => [
    ...logged,
    ...(await page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? [])),
  ];
}

// ---------------------------------------------------------------------------------------------
// Image fixtures

/**
 * A real JPEG of the given size (Chromium's screenshot of a drawn page): the filing form and the
 * console shrink photos over 2048 px, so tests pass a larger one to see that happen.
 */
export async function makeJpeg(browser: Browser, width: number, height: number): Promise<Buffer> {
  const page = await browser.newPage({ viewport: { width, height } });
  await page.setContent(
    '<body style="margin:0;height:100vh;background:linear-gradient(135deg,#b33,#36c)">' +
      '<p style="font:bold 160px sans-serif;color:#fff;margin:80px">路边垃圾</p></body>',
  );
  const jpeg = await page.screenshot({ type: "jpeg", quality: 85 });
  await page.close();
  return jpeg;
}
