import { describe, expect, inject, it } from "vitest";
import { sweepPath } from "../../../src/lib/sweeps/manage-link";
import type { ConsentView } from "../../../src/shared/sweeps/wire";
import { browserForFile, expectAxeClean, freshPage, isFocused, poll, tabTo, typeInto, VIEWPORTS } from "../kit";
import { bornFor, minorSignUpByApi, minorsSweep } from "./consent-demo";
import { freshPhone } from "./demo";

// A 15-year-old signs up on a 360 px phone by keyboard, forwards the guardian's link; the guardian
// opens it, consents by keyboard, and the student's manage page shows the place confirmed.

const baseUrl = inject("baseUrl");
const browser = browserForFile();

describe("a minor's sign-up and the guardian's consent on a phone", () => {
  it("signs up a 15-year-old, whose guardian consents through their own link; the place is then confirmed", async () => {
    const sweep = await minorsSweep(baseUrl);
    const student = await freshPage(browser(), VIEWPORTS.phone);
    await student.goto(`${baseUrl}${sweepPath(sweep.id)}`);
    await student.locator("#signup-heading").waitFor();
    await student.locator("#signup-name").focus();
    await student.keyboard.type("林小雨");
    const phone = freshPhone();
    await typeInto(student, "手机号码", phone);
    await typeInto(student, "学校或单位", "青溪中学");
    const birth = student.getByLabel("出生年月", { exact: true });
    await tabTo(student, birth);
    await birth.fill(bornFor(15, sweep.startsAt));
    // The guardian's fields appear once the birth month makes the student a minor on the day.
    await student.locator("#signup-minor-note").waitFor();
    await expectAxeClean(student, "the sign-up form asking for a guardian at 360 px");

    // The guardian's phone may not be the student's own: refused in the browser, at the field.
    await typeInto(student, "监护人姓名", "林大海");
    await typeInto(student, "监护人手机号码", phone);
    await tabTo(student, student.locator("#signup-consent"));
    await student.keyboard.press("Space");
    await tabTo(student, student.locator('.signup button[type="submit"]'));
    await student.keyboard.press("Enter");
    await student.locator(".error-summary").getByText("监护人手机号不能与本人手机号相同", { exact: false }).waitFor();
    await poll(() => isFocused(student.locator("#signup-guardian-phone"))).toBe(true);
    await expectAxeClean(student, "the guardian's phone refused at 360 px");
    await student.keyboard.press("Control+A");
    await student.keyboard.type(freshPhone());
    await tabTo(student, student.locator('.signup button[type="submit"]'));
    await student.keyboard.press("Enter");

    const answer = student.locator("#signed-up-heading");
    await answer.waitFor();
    await expect(answer.textContent()).resolves.toBe("名额已为您保留，等待监护人同意");
    await expect(student.locator(".signed-up").textContent()).resolves.toContain("名额保留到");
    // The seeded minors' sweeps want a guardian along below 16.
    await expect(student.locator(".signed-up").textContent()).resolves.toContain("须由监护人陪同");
    const consentLink = (await student.locator("#guardian-link-heading ~ .manage-link a").getAttribute("href")) ?? "";
    expect(consentLink).toMatch(/\/volunteer\/consent\/#t=[A-Za-z0-9_-]{22}$/);
    await student.getByRole("button", { name: "复制监护人同意链接" }).waitFor();
    const manageLink = (await student.locator(".manage-link a").last().getAttribute("href")) ?? "";
    expect(manageLink).toMatch(/\/volunteer\/manage\/#t=/);
    await expectAxeClean(student, "a minor's answer with the guardian's link at 360 px");

    // The manage page before consent: held, waiting for the guardian; the link can be made anew.
    await student.goto(manageLink);
    await student.locator("#manage-heading").waitFor();
    await expect(student.locator(".status-line").textContent()).resolves.toContain("待监护人同意");
    await expect(student.locator("#consent-status-heading + p").textContent()).resolves.toContain("尚未同意");
    await student.getByRole("button", { name: "重新生成监护人同意链接" }).waitFor();
    await expectAxeClean(student, "a minor's manage page before consent at 360 px");

    // The guardian opens their link on their own phone: the secret goes only in a header.
    const guardian = await freshPage(browser(), VIEWPORTS.phone);
    const asked: string[] = [];
    guardian.on("request", (req) => {
      if (req.url().includes("/api/sweeps/consent"))
        asked.push(`${req.url()} ${req.headers()["x-consent-token"] ?? ""}`);
    });
    await guardian.goto(consentLink);
    await guardian.locator("#consent-heading").waitFor();
    await expect(guardian.locator("#consent-heading").textContent()).resolves.toContain("林小雨");
    const body = (await guardian.locator(".consent").textContent()) ?? "";
    for (const words of ["14–17 周岁", "处理哪些信息，为什么", "出生年月", "监护人陪同", "名额为孩子保留到"])
      expect(body).toContain(words);
    await expect(guardian.locator("#sensitive-heading").count()).resolves.toBe(0);
    const secret = new URL(consentLink).hash.slice(3);
    for (const line of asked) expect(line).toBe(`${baseUrl}/api/sweeps/consent ${secret}`);
    await expectAxeClean(guardian, "the guardian's consent page at 360 px");

    // Sent without a name or the tick: both said, focus on the first.
    await tabTo(guardian, guardian.getByRole("button", { name: "同意", exact: true }));
    await guardian.keyboard.press("Enter");
    await guardian.locator(".error-summary").getByText("请勾选同意").waitFor();
    await poll(() => isFocused(guardian.locator("#consent-guardian-name"))).toBe(true);
    await expectAxeClean(guardian, "the consent form with errors at 360 px");

    await guardian.keyboard.type("林大海");
    await tabTo(guardian, guardian.locator("#consent-agree"));
    await guardian.keyboard.press("Space");
    await tabTo(guardian, guardian.getByRole("button", { name: "同意", exact: true }));
    await guardian.keyboard.press("Enter");
    await poll(() => guardian.locator(".status-line").textContent()).toContain("您已同意");
    await poll(() => isFocused(guardian.locator("#consent-heading"))).toBe(true);
    await expect(guardian.locator('[role="status"]').first().textContent()).resolves.toBe(
      "您已同意，孩子的名额已确认。",
    );
    await guardian.getByRole("button", { name: "撤回同意…" }).waitFor();
    await expectAxeClean(guardian, "the consent given at 360 px");
    await guardian.context().close();

    await student.reload();
    await student.locator("#manage-heading").waitFor();
    await expect(student.locator(".status-line").textContent()).resolves.toContain("已确认");
    await expect(student.locator("#consent-status-heading + p").textContent()).resolves.toContain("已于");
    await expect(student.locator(".messages").textContent()).resolves.toContain("监护人已同意");
    await expectAxeClean(student, "a minor's manage page after consent at 360 px");
    await student.context().close();
  });

  it("shows the PIPL sensitive-data notice for a child under 14, and declines in two steps", async () => {
    const result = await minorSignUpByApi(baseUrl);
    const guardian = await freshPage(browser(), VIEWPORTS.phone);
    // No seeded sweep takes children under 14, so the view is answered as for a 12-year-old:
    // the flag is the server's (tests/api/sweeps/consent.test.ts), the notice is this page's.
    await guardian.route("**/api/sweeps/consent", async (route) => {
      if (route.request().method() !== "GET") return route.continue();
      const res = await route.fetch();
      const view = (await res.json()) as ConsentView;
      await route.fulfill({
        response: res,
        json: { ...view, sensitive: true, child: { ...view.child, ageBand: "未满 14 周岁" } },
      });
    });
    await guardian.goto(baseUrl + (result.consentPath ?? ""));
    await guardian.locator("#sensitive-heading").waitFor();
    await expect(guardian.locator("#sensitive-heading + p").textContent()).resolves.toContain("敏感个人信息");
    await expect(guardian.locator("#sensitive-heading + p").textContent()).resolves.toContain("第三十一条");
    await expectAxeClean(guardian, "the consent page with the under-14 notice at 360 px");

    await tabTo(guardian, guardian.getByRole("button", { name: "不同意…" }));
    await guardian.keyboard.press("Enter");
    await poll(() => isFocused(guardian.locator("#decline-confirm"))).toBe(true);
    await expectAxeClean(guardian, "the decline confirmation at 360 px");
    await tabTo(guardian, guardian.getByRole("button", { name: "确定取消报名" }));
    await guardian.keyboard.press("Enter");
    await poll(() => guardian.locator(".status-line").textContent()).toContain("已取消");
    await expect(guardian.getByRole("button", { name: "同意", exact: true }).count()).resolves.toBe(0);
    await expectAxeClean(guardian, "the declined sign-up at 360 px");
    await guardian.context().close();
  });

  it("says a consent link without its secret is incomplete", async () => {
    const page = await freshPage(browser(), VIEWPORTS.phone);
    await page.goto(`${baseUrl}/volunteer/consent/`);
    await page.getByRole("alert").getByText("监护人同意链接不完整").waitFor();
    await expectAxeClean(page, "the consent page without its link at 360 px");
    await page.context().close();
  });
});
