// What the case-console browser tests share: a fresh complaint filed through the public API, a
// staff session made once per role (sign-ins are throttled), and small waits on the case page.
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { expect } from "vitest";
import { DEMO_PASSWORD } from "../../../scripts/seed/staff.ts";
import type { FiledComplaint } from "../../../src/shared/complaints/wire";
import { freshClientAddress, VIEWPORTS } from "../kit";

/**
 * Files a complaint as a resident's phone would (JSON, an Idempotency-Key), from an address of its
 * own. A place given by `lat`/`lng` needs `communityId: undefined` to drop the default community.
 */
export async function fileByApi(baseUrl: string, body: Record<string, unknown> = {}): Promise<FiledComplaint> {
  const res = await fetch(`${baseUrl}/api/complaints`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "idempotency-key": crypto.randomUUID(),
      // Filing is throttled per client address: each complaint comes from its own.
      "cf-connecting-ip": freshClientAddress(),
    },
    body: JSON.stringify({
      consent: true,
      categoryId: "C0305",
      communityId: "liuan",
      addressText: "柳岸路 12 号对面",
      description: "垃圾箱的盖子坏了，垃圾散落在人行道上。",
      ...body,
    }),
  });
  expect(res.status).toBe(201);
  return res.json();
}

let dispatcherCookie: Promise<string> | undefined;

/** The demo dispatcher's session cookie for Node's fetch, signed in once per file. */
function dispatcher(baseUrl: string): Promise<string> {
  dispatcherCookie ??= fetch(`${baseUrl}/api/staff/auth/login`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      origin: baseUrl,
      "sec-fetch-site": "same-origin",
      "cf-connecting-ip": freshClientAddress(),
    },
    body: JSON.stringify({ email: "dispatcher@demo.qingxi.example", password: DEMO_PASSWORD }),
  }).then((res) => {
    expect(res.status).toBe(200);
    return res.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
  });
  return dispatcherCookie;
}

/** The staff API as the demo dispatcher: same-origin JSON with the session cookie. */
async function asDispatcher(baseUrl: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${baseUrl}${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: {
      cookie: await dispatcher(baseUrl),
      origin: baseUrl,
      "sec-fetch-site": "same-origin",
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** Accepts (立案) a case as the dispatcher: only then is it listed publicly. */
export async function acceptByApi(baseUrl: string, caseNumber: string): Promise<void> {
  const found = await asDispatcher(baseUrl, `/api/staff/complaints?view=all&q=${caseNumber}`);
  const c: { id: number; version: number } | undefined = (await found.json()).cases?.[0];
  if (!c) throw new Error(`case ${caseNumber} not found`);
  const res = await asDispatcher(baseUrl, `/api/staff/complaints/${c.id}/accept`, { version: c.version });
  expect(res.status).toBe(200);
}

/**
 * The newest cases whose address, as the resident typed it, holds `text`: only staff see the address
 * (the public list names a gazetteer place), so this is how a test finds the cases it filed.
 */
export async function casesAddressed(
  baseUrl: string,
  text: string,
): Promise<{ caseNumber: string; addressText: string; supporters: number }[]> {
  const res = await asDispatcher(baseUrl, "/api/staff/complaints?view=all&limit=200");
  expect(res.status).toBe(200);
  const cases: { caseNumber: string; addressText: string; supporters: number }[] = (await res.json()).cases;
  return cases.filter((c) => c.addressText.includes(text));
}

export type Session = Awaited<ReturnType<BrowserContext["storageState"]>>;

/** Signs in once through the API and keeps the cookies, so each test opens its own context with them. */
export async function staffSession(browser: Browser, baseUrl: string, email: string): Promise<Session> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${baseUrl}/staff/`);
  const status = await page.evaluate(
    (body) =>
      fetch("/api/staff/auth/login", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      }).then((res) => res.status),
    { email, password: DEMO_PASSWORD },
  );
  expect(status).toBe(200);
  const state = await context.storageState();
  await context.close();
  return state;
}

/** A fresh context with a saved session, at desktop size unless told. */
export function staffContext(
  browser: Browser,
  session: Session,
  viewport: { width: number; height: number } = VIEWPORTS.desktop,
): Promise<BrowserContext> {
  return browser.newContext({ storageState: session, viewport, locale: "zh-CN" });
}

/** The console id of a case, looked up by its number with the context's session. */
export async function caseIdOf(context: BrowserContext, baseUrl: string, caseNumber: string): Promise<number> {
  const res = await context.request.get(`${baseUrl}/api/staff/complaints?view=all&q=${caseNumber}`);
  expect(res.status()).toBe(200);
  const id: number | undefined = (await res.json()).cases?.[0]?.id;
  if (!id) throw new Error(`case ${caseNumber} not found`);
  return id;
}

/** Opens a case page and waits until the case is on it. */
export async function openCase(page: Page, baseUrl: string, id: number): Promise<void> {
  await page.goto(`${baseUrl}/staff/complaints/case/?id=${id}`);
  await page.locator("#case-title").waitFor();
}

/** The case page's current state, as the page says it. */
export function caseState(page: Page): Locator {
  return page.locator(".case-state strong");
}
