import type { Page } from "playwright-core";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { browserForFile, expectAxeCleanAt, isFocused, poll, tabTo, VIEWPORTS } from "../kit";
import { signIn } from "../staff/helpers";
import { caseIdOf, caseState, fileByApi, openCase, type Session, staffContext, staffSession } from "./case-helpers";

// Every test files its own complaint, so none depends on another or on the demo cases' states.

const baseUrl = inject("baseUrl");
const DISPATCHER = "dispatcher@demo.qingxi.example";
const BOTH_SIZES = [VIEWPORTS.desktop, VIEWPORTS.tablet];
const browser = browserForFile();
let dispatcher: Session;

beforeAll(async () => {
  dispatcher = await staffSession(browser(), baseUrl, DISPATCHER);
});

/** The row of a case in the list on screen, paging on with 下一页 until it shows. */
async function findRow(page: Page, caseNumber: string) {
  const row = page.getByRole("row").filter({ hasText: caseNumber });
  for (let pages = 1; ; pages++) {
    await page.locator("#cases-caption").waitFor();
    if (await row.count()) return row;
    expect(pages, `${caseNumber} is not in the list`).toBeLessThan(20);
    const caption = await page.locator("#cases-caption").textContent();
    await page.getByRole("button", { name: "下一页" }).click();
    await poll(() => page.locator("#cases-caption").textContent()).not.toBe(caption);
  }
}

describe("the dispatcher's inbox and a case", () => {
  it("takes a new report from the inbox, accepts it by shortcut and keyboard alone, and dispatches it", async () => {
    const filed = await fileByApi(baseUrl, { addressText: "柳岸路 3 号 公交站旁" });
    const context = await staffContext(browser(), dispatcher);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/staff/complaints/`);
    await expect(
      page.getByRole("navigation", { name: "案件视图" }).locator('[aria-current="page"]').textContent(),
    ).resolves.toBe("待立案");
    await poll(() => page.locator("#cases-caption").textContent()).toMatch(/^待立案：第 1 页/);
    expect(new URL(page.url()).searchParams.get("view")).toBe("inbox");
    await expectAxeCleanAt(page, BOTH_SIZES);

    // Urgent cases first, then the oldest: the new, ordinary report is at the end.
    const urgent = await page
      .locator("tbody tr")
      .evaluateAll((rows) => rows.map((r) => r.querySelector(".tag.urgent") !== null));
    expect([...urgent].sort((a, b) => Number(b) - Number(a))).toEqual(urgent);
    const row = await findRow(page, filed.caseNumber);
    await expect(row.textContent()).resolves.toMatch(/剩余 \d+ 分钟/);

    const link = row.getByRole("link", { name: filed.caseNumber });
    await link.focus();
    await page.keyboard.press("Enter");
    // The case page carries the list it came from, for its way back.
    await page.waitForURL(/\/staff\/complaints\/case\/\?id=\d+&list=view%3Dinbox$/);
    await page.locator("#case-title").getByText(filed.caseNumber).waitFor();
    await expect(caseState(page).textContent()).resolves.toBe("已受理待立案");
    await expect(page.locator(".facts").textContent()).resolves.toMatch(/立案时限.*剩余 \d+ 分钟/);

    // A: the accept form opens with its first field focused; nothing is sent yet.
    await page.keyboard.press("a");
    const category = page.getByLabel("问题类别");
    await poll(() => isFocused(category)).toBe(true);
    await expect(category.inputValue()).resolves.toBe("C0305");
    await expect(page.getByRole("heading", { name: "立案", level: 4 }).count()).resolves.toBe(1);
    await expect(caseState(page).textContent()).resolves.toBe("已受理待立案");
    await expectAxeCleanAt(page, BOTH_SIZES);
    await tabTo(page, page.getByRole("button", { name: "确认立案" }));
    await page.keyboard.press("Enter");
    await page.getByRole("status").filter({ hasText: "已立案。" }).waitFor();
    await expect(caseState(page).textContent()).resolves.toBe("已立案");
    await poll(() => isFocused(page.locator("#actions-heading"))).toBe(true);

    // D: the dispatch form offers the unit the category and community route to, chosen already.
    await page.keyboard.press("d");
    const unit = page.getByLabel("处置单位");
    await poll(() => isFocused(unit)).toBe(true);
    const unitName = await unit.evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.textContent ?? "");
    expect(unitName).toMatch(/(中队|工作站)$/);
    await tabTo(page, page.getByRole("button", { name: "确认派遣" }));
    await page.keyboard.press("Enter");
    await page.getByRole("status").filter({ hasText: "已派遣。" }).waitFor();
    await expect(caseState(page).textContent()).resolves.toBe("已派遣");
    await expect(page.locator(".facts").textContent()).resolves.toContain(unitName);
    await expect(page.locator(".facts").textContent()).resolves.toMatch(/处置时限.*剩余 \d+ (小时|天)/);
    const steps = await page.locator(".case-timeline > li strong").allTextContents();
    expect(steps).toEqual(["提交投诉", "立案", "派遣"]);
    await expect(page.locator(".case-timeline time").first().textContent()).resolves.toMatch(
      /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/,
    );
    await context.close();
  });

  it("ignores the shortcut keys while typing, and not at all once they are turned off, remembered on reload", async () => {
    const filed = await fileByApi(baseUrl);
    const context = await staffContext(browser(), dispatcher);
    const page = await context.newPage();
    await openCase(page, baseUrl, await caseIdOf(context, baseUrl, filed.caseNumber));
    await expect(page.getByRole("heading", { name: "键盘快捷键" }).count()).resolves.toBe(1);
    await expect(page.getByRole("button", { name: "立案" }).getAttribute("aria-keyshortcuts")).resolves.toBe("A");

    // Letters typed into a field stay in the field.
    await page.keyboard.press("a");
    const note = page.getByLabel("说明（选填）");
    await note.focus();
    await page.keyboard.type("dr");
    await expect(note.inputValue()).resolves.toBe("dr");
    await expect(page.locator("#action-form-heading").textContent()).resolves.toBe("立案");
    await page.getByRole("button", { name: "取消" }).click();
    await poll(() => page.locator("#action-form").count()).toBe(0);

    const toggle = page.getByLabel(/启用单键快捷键/);
    await toggle.uncheck();
    await page.getByRole("status").filter({ hasText: "已关闭键盘快捷键。" }).waitFor();
    await page.locator("#case-title").click();
    await page.keyboard.press("a");
    await page.keyboard.press("r");
    await expect(page.locator("#action-form").count()).resolves.toBe(0);
    await expect(page.getByRole("button", { name: "立案" }).getAttribute("aria-keyshortcuts")).resolves.toBeNull();

    await page.reload();
    await page.locator("#case-title").waitFor();
    await expect(page.getByLabel(/启用单键快捷键/).isChecked()).resolves.toBe(false);
    await page.keyboard.press("a");
    await expect(page.locator("#action-form").count()).resolves.toBe(0);

    await page.getByLabel(/启用单键快捷键/).check();
    await page.locator("#case-title").click();
    await page.keyboard.press("a");
    await poll(() => isFocused(page.getByLabel("问题类别"))).toBe(true);

    // G then I: back to the inbox.
    await page.locator("#case-title").click();
    await page.keyboard.press("g");
    await page.keyboard.press("i");
    await page.waitForURL(`${baseUrl}/staff/complaints/?view=inbox`);
    await context.close();
  });

  it("refuses an action on a stale copy of the case and offers to load it again", async () => {
    const filed = await fileByApi(baseUrl);
    const context = await staffContext(browser(), dispatcher);
    const first = await context.newPage();
    const id = await caseIdOf(context, baseUrl, filed.caseNumber);
    await openCase(first, baseUrl, id);
    const second = await context.newPage();
    await openCase(second, baseUrl, id);

    await first.getByRole("button", { name: "立案" }).click();
    await first.getByRole("button", { name: "确认立案" }).click();
    await first.getByRole("status").filter({ hasText: "已立案。" }).waitFor();

    // The second page still shows the case as new: its reply goes with the old version.
    await second.getByRole("button", { name: "答复" }).click();
    await second.getByLabel("答复内容").fill("已收到，正在核实。");
    await second.getByLabel(/仅内部/).check();
    await second.getByRole("button", { name: "确认答复" }).click();
    const alert = second.getByRole("alert").filter({ hasText: "该案件刚被他人修改，请刷新后再操作。" });
    await alert.waitFor();
    await poll(() => isFocused(second.locator("#action-conflict"))).toBe(true);
    await expect(caseState(second).textContent()).resolves.toBe("已受理待立案");

    await alert.getByRole("button", { name: "重新加载" }).click();
    await second.getByRole("status").filter({ hasText: "已重新加载" }).waitFor();
    await expect(caseState(second).textContent()).resolves.toBe("已立案");
    // The form stayed open with what was typed: sending again now works.
    await expect(second.getByLabel("答复内容").inputValue()).resolves.toBe("已收到，正在核实。");
    await second.getByRole("button", { name: "确认答复" }).click();
    await second.getByRole("status").filter({ hasText: "已保存答复。" }).waitFor();
    const last = second.locator(".case-timeline > li").last();
    await expect(last.textContent()).resolves.toContain("已收到，正在核实。");
    await expect(last.locator(".tag").textContent()).resolves.toBe("内部");
    await context.close();
  });

  it("marks an internal remark on a public step 内部, and lists only the shortcuts the member's role has", async () => {
    const filed = await fileByApi(baseUrl);
    const context = await staffContext(browser(), dispatcher);
    const page = await context.newPage();
    await openCase(page, baseUrl, await caseIdOf(context, baseUrl, filed.caseNumber));

    // The command centre's keys only: no 开始处理 (S) or 处理完毕 (H), which are a unit's.
    const legend = page.locator(".shortcut-list");
    await expect(legend.locator("dt").allTextContents()).resolves.toEqual(["A", "D", "C", "R", "G 然后 I"]);
    await expect(legend.textContent()).resolves.toMatch(/派遣（本案件当前不可用）/);
    await page.locator("#case-title").click();
    await page.keyboard.press("s");
    await expect(page.getByRole("status").filter({ hasText: "快捷键 S" }).count()).resolves.toBe(0);

    // 立案 is public on the reporter's page; its remark is not.
    await page.getByRole("button", { name: "立案" }).click();
    await page.getByLabel("说明（选填）").fill("请核实是否属于小区物业范围。");
    await page.getByRole("button", { name: "确认立案" }).click();
    await page.getByRole("status").filter({ hasText: "已立案。" }).waitFor();
    const last = page.locator(".case-timeline > li").last();
    await expect(last.locator(".timeline-head .tag").textContent()).resolves.toBe("公开");
    await expect(last.locator(".timeline-note .tag").textContent()).resolves.toBe("内部");
    await expect(last.locator(".timeline-note").textContent()).resolves.toBe(
      "内部 说明仅工作人员可见：请核实是否属于小区物业范围。",
    );
    await context.close();
  });

  it("shows the reporter masked until asked, and asks in the page before a case is refused", async () => {
    const filed = await fileByApi(baseUrl, { name: "王小明", callbackWanted: true, phone: "13812345678" });
    const context = await staffContext(browser(), dispatcher);
    const page = await context.newPage();
    await openCase(page, baseUrl, await caseIdOf(context, baseUrl, filed.caseNumber));

    const reporter = page.locator("#reporter-contact");
    await expect(reporter.textContent()).resolves.toContain("138****5678");
    await expect(reporter.textContent()).resolves.not.toContain("13812345678");
    await page.getByRole("button", { name: "显示完整联系方式" }).click();
    await poll(() => reporter.textContent()).toContain("13812345678");
    await expect(reporter.textContent()).resolves.toContain("王小明");

    await page.getByRole("button", { name: "不予受理" }).click();
    await page.getByRole("button", { name: "下一步：确认" }).click();
    const reason = page.getByLabel("不予受理的原因");
    await poll(() => isFocused(reason)).toBe(true);
    await expect(reason.getAttribute("aria-invalid")).resolves.toBe("true");
    await page.getByRole("alert").filter({ hasText: "请填写原因" }).waitFor();

    await reason.fill("经核实，该垃圾箱属于小区物业管理，已告知向物业反映。");
    await page.getByRole("button", { name: "下一步：确认" }).click();
    const question = page.getByRole("group", { name: /确定对案件 .* 不予受理吗/ });
    await question.waitFor();
    await poll(() => isFocused(question.locator("legend"))).toBe(true);
    await expect(caseState(page).textContent()).resolves.toBe("已受理待立案");
    await page.getByRole("button", { name: "确认不予受理" }).click();
    await page.getByRole("status").filter({ hasText: "已作不予受理处理" }).waitFor();
    await expect(caseState(page).textContent()).resolves.toBe("不予受理");
    // A closed case takes only notes and replies.
    const offered = await page.locator(".action-list button").evaluateAll((els) => els.map((el) => el.id));
    expect(offered).toEqual(["open-reply"]);
    await context.close();
  });
});

describe("the case list's filters", () => {
  it("keeps the filters in the address, so a reload shows the same cases", async () => {
    const context = await staffContext(browser(), dispatcher);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/staff/complaints/`);
    await page.getByRole("link", { name: "全部" }).click();
    await poll(() => page.locator("#cases-caption").textContent()).toMatch(/^全部：/);
    await page.getByLabel("状态").selectOption({ label: "已派遣" });
    await page.getByLabel("所在社区").selectOption({ label: "柳岸社区" });
    await page.getByRole("button", { name: "筛选", exact: true }).click();
    await poll(() => page.locator("#cases-caption").textContent()).toMatch(/^全部（已筛选）/);
    const query = new URL(page.url()).searchParams;
    expect([query.get("view"), query.get("state"), query.get("communityId")]).toEqual(["all", "dispatched", "liuan"]);

    await page.reload();
    await poll(() => page.locator("#cases-caption").textContent()).toMatch(/^全部（已筛选）/);
    await expect(page.getByLabel("状态").inputValue()).resolves.toBe("dispatched");
    await expect(page.getByLabel("所在社区").inputValue()).resolves.toBe("liuan");
    const states = await page.locator("tbody tr td:nth-of-type(3)").allTextContents();
    for (const s of states) expect(s).toMatch(/^已派遣/);
    const places = await page.locator("tbody tr td:nth-of-type(2)").allTextContents();
    for (const p of places) expect(p).toMatch(/^柳岸社区/);

    await page.getByLabel("案件编号").fill("12345");
    await page.getByRole("button", { name: "筛选", exact: true }).click();
    await page.getByRole("alert").filter({ hasText: "案件编号形如 261127-0042" }).waitFor();
    await expectAxeCleanAt(page, BOTH_SIZES);
    await context.close();
  });
});

describe("the figures page", () => {
  it("shows the six rates with their counts and definitions, a total, and the CSV export of the period", async () => {
    const context = await browser().newContext({ viewport: VIEWPORTS.desktop, locale: "zh-CN" });
    const page = await context.newPage();
    // Signed in through the form here: the other tests reuse a session made through the API.
    await signIn(page, baseUrl, DISPATCHER, "qingxi-demo-2026");
    await page.getByRole("navigation", { name: "工作台菜单" }).getByRole("link", { name: "考核指标" }).click();
    await page.waitForURL(/\/staff\/figures\//);
    const table = page.getByRole("table", { name: /按处置单位统计/ });
    await table.waitFor();
    const headers = await table.locator("thead th").allTextContents();
    for (const label of ["响应率", "立案率", "结案率", "按期结案率", "返工率", "满意率"]) {
      expect(headers.some((h) => h.startsWith(label))).toBe(true);
    }
    await expect(table.locator("tfoot th").textContent()).resolves.toBe("合计");
    await expect(table.locator("tfoot td").nth(1).textContent()).resolves.toMatch(/^(\d+\.\d%|—) \d+\/\d+$/);
    await expect(page.getByRole("heading", { name: "指标定义" }).count()).resolves.toBe(1);
    await expectAxeCleanAt(page, BOTH_SIZES);

    await page.getByRole("button", { name: "上月" }).click();
    await page.getByLabel("按类别").check();
    await page.getByRole("button", { name: "查看指标" }).click();
    await page.getByRole("table", { name: /按问题类别统计/ }).waitFor();
    const query = new URL(page.url()).searchParams;
    expect(query.get("by")).toBe("category");
    expect(query.get("from")).toMatch(/^\d{4}-\d\d-01$/);

    const csv = page.getByRole("link", { name: "导出本时段收到的案件（CSV）" });
    const href = new URL((await csv.getAttribute("href")) ?? "", baseUrl);
    expect(href.pathname).toBe("/api/staff/complaints/export.csv");
    expect([href.searchParams.get("from"), href.searchParams.get("to")]).toEqual([query.get("from"), query.get("to")]);
    const status = await page.evaluate((url) => fetch(url).then((res) => res.status), href.toString());
    expect(status).toBe(200);

    await page.getByLabel("起始日期").fill("2026-03-01");
    await page.getByLabel("结束日期").fill("2026-02-01");
    await page.getByRole("button", { name: "查看指标" }).click();
    await page.getByRole("alert").filter({ hasText: "起始日期不能晚于结束日期" }).waitFor();
    await context.close();
  });
});
