// The sweeps console's browser helpers: a demo coordinator's session made once per test file and
// reused by each new browser context (the login is throttled per account), and the roster file.
import type { Browser, BrowserContextOptions, Download } from "playwright-core";
import { inject } from "vitest";
import { DEMO_PASSWORD } from "../../../scripts/seed/staff.ts";
import type { StaffSweep, StaffSweepList, SweepHours } from "../../../src/shared/sweeps/wire";
import { freshClientAddress } from "../kit";

export const COORDINATOR = "volunteers@demo.qingxi.example";

type StorageState = Exclude<BrowserContextOptions["storageState"], string | undefined>;
const sessions = new Map<string, Promise<StorageState>>();

/**
 * The cookies of a signed-in demo account, for `browser.newContext({ storageState })`: signed in
 * once through the API from the sign-in page (same-origin JSON, as the form sends it).
 */
export function staffStorageState(browser: Browser, baseUrl: string, email = COORDINATOR): Promise<StorageState> {
  let session = sessions.get(email);
  if (!session) {
    session = (async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${baseUrl}/staff/`);
      const status = await page.evaluate(
        ({ email, password, ip }) =>
          fetch("/api/staff/auth/login", {
            method: "POST",
            headers: { "content-type": "application/json", "cf-connecting-ip": ip },
            body: JSON.stringify({ email, password }),
          }).then((res) => res.status),
        { email, password: DEMO_PASSWORD, ip: freshClientAddress() },
      );
      if (status !== 200) throw new Error(`demo sign-in of ${email}: ${status}`);
      const state = await context.storageState();
      await context.close();
      return state;
    })();
    sessions.set(email, session);
  }
  return session;
}

/** A downloaded file's text, its byte-order mark kept (Excel needs it; the test checks it). */
export async function downloadedText(download: Download): Promise<string> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** A GET of the staff API from Node as a signed-in demo account (one sign-in: the login is throttled). */
export async function staffApiClient(baseUrl = inject("baseUrl"), email = COORDINATOR) {
  const headers = { origin: baseUrl, "sec-fetch-site": "same-origin", "cf-connecting-ip": freshClientAddress() };
  const login = await fetch(`${baseUrl}/api/staff/auth/login`, {
    method: "POST",
    headers: { ...headers, "content-type": "application/json" },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  const cookie = login.headers
    .getSetCookie()
    .find((c) => c.startsWith("__Host-staff_session="))
    ?.split(";")[0];
  if (!cookie) throw new Error(`demo sign-in of ${email}: ${login.status}`);
  return async <T>(path: string): Promise<T> => {
    const res = await fetch(baseUrl + path, { headers: { ...headers, cookie } });
    if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
}

/** Calls the staff API from Node as a signed-in demo account (the cookie taken from the sign-in answer). */
export async function staffApiGet<T>(path: string, baseUrl = inject("baseUrl"), email = COORDINATOR): Promise<T> {
  return (await staffApiClient(baseUrl, email))<T>(path);
}

/** The seeded sweep of last Saturday whose hours wait for approval (scripts/seed/sweeps-past.ts). */
export async function sweepAwaitingHours(baseUrl = inject("baseUrl")): Promise<StaffSweep> {
  const get = await staffApiClient(baseUrl);
  const { sweeps } = await get<StaffSweepList>("/api/staff/sweeps");
  const past = sweeps.filter((s) => Date.parse(s.endsAt) < Date.now() && s.state === "open");
  // The latest whose hours still wait: another file (the journey) may have ended and approved a
  // sweep of its own since the seed, and an approved sweep shows no approve button.
  for (const sweep of past.reverse()) {
    const hours = await get<SweepHours>(`/api/staff/sweeps/${sweep.id}/hours`);
    if (hours.hoursApprovedAt === null) return sweep;
  }
  throw new Error("no seeded sweep of the last week waits for its hours");
}
