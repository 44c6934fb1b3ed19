// What the staff-console browser tests do again and again: sign in by keyboard, read the menu,
// make accounts through the API with the page's own session, run axe at both sizes.
import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";
import { can, type Role, STAFF_MENU } from "../../../src/shared/staff/roles";
import { expectAxeCleanAt, isFocused, tabTo, VIEWPORTS } from "../kit";

/** Signs in through the form with the keyboard only: Tab to the email, type, Tab, type, Enter. */
export async function signIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/staff/`);
  const emailField = page.getByLabel("工作邮箱");
  await emailField.waitFor();
  await tabTo(page, emailField);
  await page.keyboard.type(email);
  await page.keyboard.press("Tab");
  await expect(isFocused(page.getByLabel("密码"))).resolves.toBe(true);
  await page.keyboard.type(password);
  await page.keyboard.press("Enter");
}

/** Status of /api/staff/auth/me with the page's cookies. */
export function meStatus(page: Page): Promise<number> {
  return page.evaluate(() => fetch("/api/staff/auth/me").then((res) => res.status));
}

export function menu(page: Page): Locator {
  return page.getByRole("navigation", { name: "工作台菜单" });
}

export function expectedMenu(role: Role): string[] {
  return STAFF_MENU.filter((entry) => can(role, entry.permission)).map((entry) => entry.label);
}

/** Where a role lands after signing in: its first menu entry. */
export function landing(role: Role): { href: string; label: string } {
  const first = STAFF_MENU.find((entry) => can(role, entry.permission));
  if (!first) throw new Error(`${role} has no menu entry`);
  return first;
}

/** Creates an account through the API with the page's (admin) session. */
export async function createAccountByApi(
  page: Page,
  role: Role,
  unitId: string | null,
): Promise<{ id: number; email: string }> {
  const email = `api-${role}-${Date.now()}@staff.qingxi.example`;
  const { status, id } = await page.evaluate(
    (body) =>
      fetch("/api/staff/accounts", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      }).then(async (res) => ({ status: res.status, id: (await res.json()).account?.id as number })),
    { email, displayName: "测试账号", role, unitId },
  );
  expect(status).toBe(201);
  return { id, email };
}

/** Changes an account through the API with the page's (admin) session. */
export async function updateAccountByApi(page: Page, id: number, change: Record<string, unknown>): Promise<void> {
  const status = await page.evaluate(
    ({ id, change }) =>
      fetch(`/api/staff/accounts/${id}`, {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(change),
      }).then((res) => res.status),
    { id, change },
  );
  expect(status).toBe(200);
}

/** axe-clean and no sideways scroll at desktop and phone size; the page is left at desktop size. */
export function expectAxeCleanAtBothSizes(page: Page): Promise<void> {
  return expectAxeCleanAt(page, [VIEWPORTS.desktop, VIEWPORTS.phone]);
}
