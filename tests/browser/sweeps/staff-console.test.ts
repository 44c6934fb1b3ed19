import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { DEMO_PASSWORD } from "../../../scripts/seed/staff.ts";
import { COMMUNITIES } from "../../../src/shared/geo";
import type { StaffSweepList } from "../../../src/shared/sweeps/wire";
import { addDays, chinaDay } from "../../../src/shared/time";
import { browserForFile, expectAxeCleanAt, freshPage, isFocused, poll, tabTo, VIEWPORTS } from "../kit";
import { signIn } from "../staff/helpers";
import { signUpResult } from "./demo";
import { COORDINATOR, downloadedText, sweepAwaitingHours } from "./staff-demo";

// A volunteer coordinator at a desk (and on a phone): the sweeps list, a weekly series in all 12
// communities planned in one action, one sweep edited by keyboard (and a stale edit refused), its
// roster downloaded as CSV, masked, and with contacts.

const baseUrl = inject("baseUrl");
const browser = browserForFile();

async function coordinatorPage(): Promise<Page> {
  const page = await freshPage(browser(), VIEWPORTS.desktop, { acceptDownloads: true });
  await signIn(page, baseUrl, COORDINATOR, DEMO_PASSWORD);
  await page.waitForURL(`${baseUrl}/staff/sweeps/`);
  return page;
}

/** A Saturday at least five weeks ahead, clear of the seeded season. */
function farSaturday(): string {
  let day = addDays(chinaDay(), 35 + Math.floor(Math.random() * 200));
  while (new Date(`${day}T00:00:00Z`).getUTCDay() !== 6) day = addDays(day, 1);
  return day;
}

const csvLines = (text: string) => text.split("\r\n").filter(Boolean);

describe("the sweeps console", () => {
  it("lists the seeded sweeps with places taken and left, filters by community in the address, axe-clean", async () => {
    const page = await coordinatorPage();
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("志愿清扫");
    const upcoming = page.locator("#upcoming-caption");
    await upcoming.waitFor();
    const community = COMMUNITIES[0]?.id ?? "";
    await page.getByLabel("社区", { exact: true }).selectOption(community);
    await page.getByRole("button", { name: "筛选", exact: true }).click();
    await poll(() => page.evaluate(() => location.search)).toBe(`?community=${community}`);
    const rows = page.locator("#upcoming-caption ~ tbody tr, table.sweeps tbody tr");
    expect(await rows.count()).toBeGreaterThan(0);
    for (const text of await page.locator("table.sweeps tbody tr td:nth-child(2)").allTextContents()) {
      expect(text).toBe(COMMUNITIES[0]?.name);
    }
    await expectAxeCleanAt(page, [VIEWPORTS.desktop, VIEWPORTS.phone]);
    await page.context().close();
  });

  it("plans a weekly series in all 12 communities in one action, refusing to open it without insurance first", async () => {
    const page = await coordinatorPage();
    await page.getByRole("link", { name: "规划新活动" }).click();
    await page.waitForURL(`${baseUrl}/staff/sweeps/new/`);
    await page.locator(".map-picker .district-map").waitFor();
    const first = farSaturday();
    await page.getByLabel("首次日期").fill(first);
    await page.getByLabel("连续周数").fill("2");
    await page.getByLabel(`全部 ${COMMUNITIES.length} 个社区`).check();
    await expect(page.locator(".plan-count").textContent()).resolves.toContain(
      `将创建 ${COMMUNITIES.length * 2} 场活动`,
    );
    // A tap on the map inside a community moves that community's meeting point there.
    const target = COMMUNITIES[3];
    await page.locator(".map-picker .district-map").click({
      position: await page.evaluate(
        ({ id }) => {
          const svg = document.querySelector(".map-picker .district-map") as SVGSVGElement;
          const path = svg.querySelector(`[data-community="${id}"]`) as SVGGeometryElement;
          const b = path.getBBox();
          // A point on the path's fill: its bounding box's centre may fall outside a concave shape.
          let at = { x: b.x + b.width / 2, y: b.y + b.height / 2 };
          for (let i = 0; i < 50 && !path.isPointInFill(new DOMPoint(at.x, at.y)); i++) {
            at = { x: b.x + Math.random() * b.width, y: b.y + Math.random() * b.height };
          }
          const ctm = svg.getScreenCTM() as DOMMatrix;
          const screen = new DOMPoint(at.x, at.y).matrixTransform(ctm);
          const r = svg.getBoundingClientRect();
          return { x: screen.x - r.left, y: screen.y - r.top };
        },
        { id: target?.id },
      ),
    });
    await expect(page.locator(".map-picker [role=status]").textContent()).resolves.toContain(target?.name);
    await page.getByText("（在地图上选定）").waitFor();
    await page.getByLabel("组织方").fill("临河中队 · 青溪区团委");
    await page.getByLabel("领队公开联系方式").fill("王队长 0571-8888 1234");
    await page.getByLabel("立即开放报名").check();
    await page.getByRole("button", { name: `创建 ${COMMUNITIES.length * 2} 场活动` }).click();
    // Opening needs an insurance reference: the summary links to the field, which has focus.
    const summary = page.locator(".error-summary");
    await summary.getByRole("link", { name: /开放报名前须填写意外保险单号/ }).waitFor();
    await poll(() => isFocused(page.getByLabel("意外保险单号"))).toBe(true);
    await expectAxeCleanAt(page, [VIEWPORTS.desktop, VIEWPORTS.phone]);
    await page.setViewportSize(VIEWPORTS.desktop);
    await page.keyboard.type("PICC-2027-SW-01");
    await page.getByRole("button", { name: `创建 ${COMMUNITIES.length * 2} 场活动` }).click();
    const done = page.getByRole("heading", { name: `已创建 ${COMMUNITIES.length * 2} 场活动` });
    await done.waitFor();
    await poll(() => isFocused(done)).toBe(true);
    const links = page.locator(".planned-list a");
    expect(await links.count()).toBe(COMMUNITIES.length * 2);
    // The API holds them: open, with the tapped community's point not its default.
    const list = (await page.evaluate(() => fetch("/api/staff/sweeps").then((r) => r.json()))) as StaffSweepList;
    const ours = list.sweeps.filter((s) => s.insuranceRef === "PICC-2027-SW-01");
    expect(ours).toHaveLength(COMMUNITIES.length * 2);
    expect(new Set(ours.map((s) => s.communityId)).size).toBe(COMMUNITIES.length);
    expect(ours.every((s) => s.state === "open")).toBe(true);
    await expectAxeCleanAt(page, [VIEWPORTS.desktop, VIEWPORTS.phone]);
    await page.context().close();
  });

  it("edits a sweep by keyboard, refuses a stale edit with a reload, and downloads its roster masked and with contacts", async () => {
    const page = await coordinatorPage();
    // One sweep planned through the API with the page's session, and a student signed up to it.
    const created = await page.evaluate(
      (body) =>
        fetch("/api/staff/sweeps", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body),
        }).then((r) => r.json()),
      {
        title: "键盘修改测试清扫",
        firstDay: farSaturday(),
        weeks: 1,
        startTime: "14:00",
        endTime: "16:00",
        places: [{ communityId: COMMUNITIES[1]?.id, meetingPoint: "社区工作站门口", lat: 30.28, lng: 120.19 }],
        capacity: 10,
        waitlistLimit: 5,
        minAge: 16,
        guardianPresentBelow: null,
        organiser: "临河中队 · 青溪区团委",
        leaderContact: "王队长 0571-8888 1234",
        whatToBring: "水杯",
        insuranceRef: "PICC-2027-KB",
        cancelCutoffHours: 24,
        open: true,
      },
    );
    const sweepId = created.sweeps[0].id as string;
    const student = await signUpResult(sweepId, baseUrl);
    expect(student.status).toBe("confirmed");

    await page.goto(`${baseUrl}/staff/sweeps/sweep/?id=${sweepId}`);
    await page.locator("#roster-caption").waitFor();
    // By keyboard: open the edit form, change the places, save with Enter.
    const toggle = page.getByRole("button", { name: "修改活动信息" });
    await tabTo(page, toggle);
    await page.keyboard.press("Enter");
    await poll(() => isFocused(page.getByLabel("日期", { exact: true }))).toBe(true);
    await tabTo(page, page.getByLabel("名额", { exact: true }));
    await page.keyboard.press("Control+A");
    await page.keyboard.type("12");
    await tabTo(page, page.getByRole("button", { name: "保存修改" }));
    await page.keyboard.press("Enter");
    await page.getByText("已保存。").waitFor();
    await expect(page.locator(".sweep-facts").textContent()).resolves.toContain("共 12");
    // Focus back on the button that opens the form (its id named, so a failure says where focus went).
    await poll(() => page.evaluate(() => document.activeElement?.id ?? "")).toBe("edit-toggle");

    // Someone else saves first: this page's edit is refused and offers to read the sweep again.
    await page.keyboard.press("Enter");
    await page.evaluate(
      async ({ id }) => {
        const roster = await fetch(`/api/staff/sweeps/${id}/signups`).then((r) => r.json());
        const s = roster.sweep;
        await fetch(`/api/staff/sweeps/${id}`, {
          method: "PATCH",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            title: "他人改过的名称",
            communityId: s.communityId,
            meetingPoint: s.meetingPoint,
            lat: s.lat,
            lng: s.lng,
            day: new Date(Date.parse(s.startsAt) + 8 * 3_600_000).toISOString().slice(0, 10),
            startTime: "14:00",
            endTime: "16:00",
            capacity: s.capacity,
            waitlistLimit: s.waitlistLimit,
            minAge: s.minAge,
            guardianPresentBelow: null,
            organiser: s.organiser,
            leaderContact: s.leaderContact,
            whatToBring: s.whatToBring,
            insuranceRef: s.insuranceRef,
            cancelCutoffHours: 24,
            open: true,
            version: s.version,
          }),
        });
      },
      { id: sweepId },
    );
    await tabTo(page, page.getByRole("button", { name: "保存修改" }));
    await page.keyboard.press("Enter");
    const conflict = page.locator("#edit-conflict");
    await conflict.waitFor();
    await expect(conflict.textContent()).resolves.toContain("已被他人修改");
    await poll(() => isFocused(conflict)).toBe(true);
    await tabTo(page, conflict.getByRole("button", { name: "重新加载" }));
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: /他人改过的名称/ }).waitFor();
    await expectAxeCleanAt(page, [VIEWPORTS.desktop, VIEWPORTS.phone]);
    await page.setViewportSize(VIEWPORTS.desktop);

    // The roster file: a BOM, the header row, the student masked.
    const [masked] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: /下载名单（CSV/ }).click(),
    ]);
    const maskedText = await downloadedText(masked);
    expect(maskedText.startsWith("\uFEFF")).toBe(true);
    const lines = csvLines(maskedText.slice(1));
    expect(lines[0]).toMatch(/^序号,姓名,手机号码,学校或单位,出生年月,志愿者编号,未成年,监护人,监护人电话,状态,/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(",测***,");
    expect(lines[1]).not.toContain("测试同学");
    expect(lines[1]).toMatch(/,139\*\*\*\*\d{4},/);

    // Contacts on screen on request (audited), and in the file asked for with them.
    await page.getByRole("button", { name: "显示联系方式" }).click();
    await page.getByText("本次查看已记录").waitFor();
    await expect(page.locator("table.roster tbody").textContent()).resolves.toContain("测试同学");
    const [full] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: /下载含联系方式的名单/ }).click(),
    ]);
    const fullLines = csvLines((await downloadedText(full)).slice(1));
    expect(fullLines[1]).toContain("测试同学");
    expect(fullLines[1]).toMatch(/,139\d{8},/);

    // The leader's link, shown once to hand over, with a copy button.
    await page.getByRole("button", { name: "生成领队链接" }).click();
    await page.getByRole("heading", { name: "请把这个链接交给领队" }).waitFor();
    await expect(page.locator(".leader-link .link-text").textContent()).resolves.toContain("/volunteer/lead/#t=");
    await page.getByRole("button", { name: "复制领队链接" }).waitFor();

    // The student was told of the other coordinator's change: the outbox shows it, phone masked.
    await page.goto(`${baseUrl}/staff/sweeps/outbox/?status=unsent&sweepId=${sweepId}`);
    await page.locator("#outbox-caption").waitFor();
    const outbox = await page.locator("table.outbox tbody").textContent();
    expect(outbox).toContain("活动变更");
    expect(outbox).toMatch(/139\*\*\*\*\d{4}/);
    await expectAxeCleanAt(page, [VIEWPORTS.desktop, VIEWPORTS.phone]);
    await page.context().close();
  });

  it("reviews last Saturday's hours with a correction by keyboard, and reads the figures with targets for a period", async () => {
    const page = await coordinatorPage();
    const past = await sweepAwaitingHours(baseUrl);
    await page.goto(`${baseUrl}/staff/sweeps/sweep/?id=${past.id}`);
    await page.locator("#hours-caption").waitFor();
    await page.getByRole("button", { name: "审核通过本场时长并通知志愿者" }).waitFor();
    const first = page.locator("table.hours tbody tr").first();
    const minutes = (await first.locator("td").nth(4).textContent()) ?? "";
    await tabTo(page, first.getByRole("button", { name: /^更正/ }));
    await page.keyboard.press("Enter");
    await poll(() => isFocused(page.getByLabel("时长（分钟）"))).toBe(true);
    await page.keyboard.press("Control+A");
    await page.keyboard.type(/^\d+$/.test(minutes) ? minutes : "60");
    await page.keyboard.press("Tab");
    await expect(isFocused(page.getByLabel("更正原因"))).resolves.toBe(true);
    await page.keyboard.type("领队核对签退时间");
    await page.keyboard.press("Enter");
    await page.getByText(/更正已记录/).waitFor();
    await expectAxeCleanAt(page, [VIEWPORTS.desktop, VIEWPORTS.phone]);

    // Figures for a period far ahead (so no other test's order moves): a target set for one community.
    await page.setViewportSize(VIEWPORTS.desktop);
    await page.goto(`${baseUrl}/staff/sweeps/figures/?from=2028-03-01&to=2028-03-31`);
    await page.locator("#coverage-caption").waitFor();
    expect(await page.locator("table.coverage tbody tr").count()).toBe(COMMUNITIES.length);
    const community = COMMUNITIES[2];
    await page.getByLabel(community?.name ?? "", { exact: true }).fill("40");
    await page.getByRole("button", { name: "保存目标" }).click();
    await page.getByText(/已保存 2028-03-01 至 2028-03-31 的目标：1 个社区/).waitFor();
    const targets = (await page.evaluate(() =>
      fetch("/api/staff/sweeps/targets?from=2028-03-01&to=2028-03-31").then((r) => r.json()),
    )) as { periods: { targets: { communityId: string; target: number }[] }[] };
    expect(targets.periods.at(-1)?.targets).toEqual([
      expect.objectContaining({ communityId: community?.id, target: 40 }),
    ]);
    await expectAxeCleanAt(page, [VIEWPORTS.desktop, VIEWPORTS.phone]);
    await page.context().close();
  });
});
