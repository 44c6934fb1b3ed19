import type { BrowserContext } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../../../scripts/seed/staff.ts";
import { STAFF_MENU } from "../../../src/shared/staff/roles";
import { axeViolations, browserForFile, VIEWPORTS } from "../kit";
import {
  createAccountByApi,
  expectAxeCleanAtBothSizes,
  expectedMenu,
  landing,
  menu,
  meStatus,
  signIn,
  updateAccountByApi,
} from "./helpers";

// Sign-ins are throttled (20 a minute per client address and per account): every test signs in
// as few times as it can, and all of them together stay well under the limit.

const baseUrl = inject("baseUrl");
const browser = browserForFile();

const ADMIN = "admin@demo.qingxi.example";

/** A fresh browser profile (its own cookies) at desktop size. */
function newContext(): Promise<BrowserContext> {
  return browser().newContext({ viewport: VIEWPORTS.desktop, locale: "zh-CN" });
}

describe("signing in to the staff console", () => {
  it.each(DEMO_ACCOUNTS)(
    "shows $role exactly the menu entries of its role, with no accessibility violations, and signs out",
    async ({ email, role }) => {
      const context = await newContext();
      const page = await context.newPage();
      await signIn(page, baseUrl, email, DEMO_PASSWORD);
      await page.waitForURL(baseUrl + landing(role).href);
      await menu(page).waitFor();
      expect(await menu(page).getByRole("link").allTextContents()).toEqual(expectedMenu(role));
      await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(landing(role).label);
      expect(await axeViolations(page)).toEqual([]);

      await page.getByRole("button", { name: "退出登录" }).focus();
      await page.keyboard.press("Enter");
      await page.waitForURL(`${baseUrl}/staff/`);
      await page.getByRole("heading", { name: "工作人员登录" }).waitFor();
      expect(await meStatus(page)).toBe(401);
      await context.close();
    },
  );

  it("answers a wrong password with a readable error in the page and signs nobody in", async () => {
    const context = await newContext();
    const page = await context.newPage();
    await signIn(page, baseUrl, "viewer@demo.qingxi.example", "not-the-password");
    const alert = page.getByRole("alert").filter({ hasText: "邮箱或密码不正确" });
    await alert.waitFor();
    expect(new URL(page.url()).pathname).toBe("/staff/");
    await expect(page.getByLabel("工作邮箱").inputValue()).resolves.toBe("viewer@demo.qingxi.example");
    await expect(page.getByLabel("密码").inputValue()).resolves.toBe("");
    expect(await menu(page).count()).toBe(0);
    expect(await context.cookies()).toEqual([]);
    expect(await meStatus(page)).toBe(401);
    await context.close();
  });

  it("sends someone who is not signed in from a console page to the sign-in page", async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl}/staff/audit/`);
    await page.waitForURL(`${baseUrl}/staff/?next=%2Fstaff%2Faudit%2F`);
    await page.getByRole("heading", { name: "工作人员登录" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});

describe("the console under the site's Content-Security-Policy", () => {
  it("runs the sign-in page and every menu page with no CSP violation", async () => {
    const context = await newContext();
    const page = await context.newPage();
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content[- ]Security[- ]Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.addInitScript(() =>
      window.addEventListener("securitypolicyviolation", (e) =>
        console.error(`Content-Security-Policy: ${e.effectiveDirective} blocked ${e.blockedURI || "inline code"}`),
      ),
    );
    await signIn(page, baseUrl, ADMIN, DEMO_PASSWORD);
    await menu(page).waitFor();
    for (const { href } of STAFF_MENU) {
      await page.goto(baseUrl + href);
      await menu(page).waitFor();
      await page.waitForLoadState("networkidle");
    }
    expect(violations).toEqual([]);
    await context.close();
  });
});

describe("account management", () => {
  it("creates an account whose one-time password works once and must be changed before anything else", async () => {
    const adminContext = await newContext();
    const admin = await adminContext.newPage();
    await signIn(admin, baseUrl, ADMIN, DEMO_PASSWORD);
    await menu(admin).waitFor();
    await menu(admin).getByRole("link", { name: "账号管理" }).click();
    await admin.waitForURL(`${baseUrl}/staff/accounts/`);
    await admin.getByRole("table", { name: /全部工作人员账号/ }).waitFor();
    await expectAxeCleanAtBothSizes(admin);

    const email = `new-${Date.now()}@staff.qingxi.example`;
    await admin.getByLabel("工作邮箱").fill(email);
    await admin.getByLabel("姓名").fill("新来的队员");
    // A unit-free role is offered no unit (the API would refuse one).
    await admin.getByLabel("角色").selectOption({ label: "统计查看" });
    await expect(admin.getByLabel(/所属单位/).count()).resolves.toBe(0);
    await admin.getByLabel("角色").selectOption({ label: "处置单位（中队/社区工作站）" });
    await admin.getByRole("button", { name: "创建账号" }).click();
    // A unit handler needs a unit: the error is next to the field and in the summary.
    const unit = admin.getByLabel("所属单位（必填）");
    await expect(unit.getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(admin.getByRole("alert").filter({ hasText: "该角色必须指定单位" }).count()).resolves.toBe(1);
    expect(await unit.evaluate((el) => el === document.activeElement)).toBe(true);
    await unit.selectOption({ label: "桂园中队" });
    await admin.getByRole("button", { name: "创建账号" }).click();

    const otp = admin.locator("#otp-value");
    await otp.waitFor();
    const oneTimePassword = (await otp.textContent())?.trim() ?? "";
    expect(oneTimePassword.length).toBeGreaterThanOrEqual(12);
    await expect(admin.getByRole("table").textContent()).resolves.toContain(email);
    expect(await axeViolations(admin)).toEqual([]);
    await admin.getByRole("button", { name: "我已记下，继续" }).click();
    await expect(admin.locator("main").textContent()).resolves.not.toContain(oneTimePassword);
    await adminContext.close();

    const context = await newContext();
    const page = await context.newPage();
    await signIn(page, baseUrl, email, oneTimePassword);
    // The role's first menu page (the case queue), which asks for the new password before anything.
    const home = landing("unit_handler");
    await page.waitForURL(baseUrl + home.href);
    await page.getByRole("heading", { name: "请先修改初始密码" }).waitFor();
    expect(await menu(page).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel("初始密码").fill(oneTimePassword);
    await page.getByLabel("新密码").fill("青溪河边的第一盏路灯-2026");
    await page.getByRole("button", { name: "修改密码" }).click();

    await page.getByRole("heading", { level: 1, name: home.label }).waitFor();
    expect(new URL(page.url()).pathname).toBe(home.href);
    expect(await menu(page).getByRole("link").allTextContents()).toEqual(expectedMenu("unit_handler"));
    await menu(page).getByRole("link", { name: "我的账号" }).click();
    await page.getByRole("heading", { level: 1, name: "我的账号" }).waitFor();
    await expect(page.locator("main").textContent()).resolves.toContain(email);
    expect(await meStatus(page)).toBe(200);
    await context.close();
  });

  it("disables an account only after a confirmation step in the page, and enables it again", async () => {
    const context = await newContext();
    const page = await context.newPage();
    await signIn(page, baseUrl, ADMIN, DEMO_PASSWORD);
    await menu(page).waitFor();
    const { email } = await createAccountByApi(page, "viewer", null);
    await page.goto(`${baseUrl}/staff/accounts/`);
    const row = page.getByRole("row").filter({ hasText: email });
    await row.getByRole("button", { name: /^管理/ }).click();
    await page.getByRole("heading", { name: /^管理账号/ }).waitFor();

    await page.getByRole("button", { name: "停用账号" }).click();
    const question = page.getByRole("group", { name: /确定停用/ });
    await question.waitFor();
    expect(await question.locator("legend").evaluate((el) => el === document.activeElement)).toBe(true);
    await expectAxeCleanAtBothSizes(page);
    await page.getByRole("button", { name: "取消" }).click();
    await expect(row.textContent()).resolves.toContain("启用");
    expect(await page.getByRole("button", { name: "停用账号" }).evaluate((el) => el === document.activeElement)).toBe(
      true,
    );

    await page.getByRole("button", { name: "停用账号" }).click();
    await page.getByRole("button", { name: "确认停用" }).click();
    await page.getByRole("status").filter({ hasText: "已停用" }).waitFor();
    await expect(row.getByRole("cell").nth(3).textContent()).resolves.toBe("已停用");

    await row.getByRole("button", { name: /^管理/ }).click();
    await page.getByRole("button", { name: "重新启用账号" }).click();
    await page.getByRole("button", { name: "确认启用" }).click();
    await page.getByRole("status").filter({ hasText: "已重新启用" }).waitFor();
    await expect(row.getByRole("cell").nth(3).textContent()).resolves.toMatch(/^启用/);
    await context.close();
  });
});

describe("the audit log", () => {
  it("shows the admin an account's creation, filtered by action, with no accessibility violations", async () => {
    const context = await newContext();
    const page = await context.newPage();
    await signIn(page, baseUrl, ADMIN, DEMO_PASSWORD);
    await menu(page).waitFor();
    const { email } = await createAccountByApi(page, "dispatcher", "command-center");

    await menu(page).getByRole("link", { name: "操作日志" }).click();
    await page.waitForURL(`${baseUrl}/staff/audit/`);
    await page.getByRole("table", { name: /全部操作记录/ }).waitFor();
    await expectAxeCleanAtBothSizes(page);

    await page.getByLabel("操作类型").selectOption({ label: "创建账号" });
    await page.getByRole("button", { name: "筛选", exact: true }).click();
    const table = page.getByRole("table", { name: /符合筛选条件/ });
    await table.waitFor();
    expect(new URL(page.url()).searchParams.get("action")).toBe("staff.created");
    const actions = await table.locator("tbody tr td:nth-of-type(2)").allTextContents();
    expect(actions.length).toBeGreaterThan(0);
    expect(new Set(actions)).toEqual(new Set(["创建账号"]));
    const row = table.getByRole("row").filter({ hasText: email });
    await expect(row.textContent()).resolves.toContain(ADMIN);
    await expect(row.textContent()).resolves.toContain("dispatcher");
    await expectAxeCleanAtBothSizes(page);
    await context.close();
  });

  it("pages back through older entries with 更早的记录 until the oldest one", async () => {
    const context = await newContext();
    const page = await context.newPage();
    await signIn(page, baseUrl, ADMIN, DEMO_PASSWORD);
    await menu(page).waitFor();
    // 21 changes of one account: more than one page of 20 "修改账号" entries, whatever else ran.
    // A dispatcher may join the command centre and leave it; a unit-free role takes no unit.
    const { id, email } = await createAccountByApi(page, "dispatcher", null);
    for (let i = 0; i < 21; i++) await updateAccountByApi(page, id, { unitId: i % 2 ? null : "command-center" });

    await page.goto(`${baseUrl}/staff/audit/`);
    await page.getByLabel("操作类型").selectOption({ label: "修改账号" });
    await page.getByLabel("每页条数").selectOption({ label: "20 条" });
    await page.getByRole("button", { name: "筛选", exact: true }).click();
    const rows = page.getByRole("table", { name: /符合筛选条件/ }).locator("tbody tr");
    await expect.poll(() => rows.count()).toBe(20);

    const earlier = page.getByRole("button", { name: "更早的记录" });
    for (let pages = 1; await earlier.isVisible(); pages++) {
      expect(pages).toBeLessThan(20);
      const before = await rows.count();
      await earlier.focus();
      await page.keyboard.press("Enter");
      await expect.poll(() => rows.count()).toBeGreaterThan(before);
    }
    await page.getByText("已显示最早的记录。").waitFor();
    const ids = await rows.locator("td:nth-of-type(6)").allTextContents();
    expect(new Set(ids).size).toBe(ids.length);
    const times = await rows.locator("time").evaluateAll((els) => els.map((e) => e.getAttribute("datetime") ?? ""));
    expect([...times].sort().reverse()).toEqual(times);
    expect(await rows.filter({ hasText: email }).count()).toBe(21);
    expect(new URL(page.url()).searchParams.get("limit")).toBe("20");
    await context.close();
  });
});
