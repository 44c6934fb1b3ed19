import { describe, expect, inject, it } from "vitest";
import { sweepPath } from "../../../src/lib/sweeps/manage-link";
import type { MyCertificate } from "../../../src/shared/sweeps/wire";
import { browserForFile, expectAxeClean, freshPage, isFocused, poll, tabTo, typeInto, VIEWPORTS } from "../kit";
import { bornFor } from "./consent-demo";
import { freshPhone, manageView } from "./demo";
import { checkedInAtStart, planJourney, sweepIsOver, sweepIsUnderway } from "./journey-demo";
import { staffCookie, staffPost } from "./lead-demo";
import { staffStorageState } from "./staff-demo";

// The whole of a sweep, as the people in it live it, each on their own device: a 15-year-old on a
// 360 px phone opens /volunteer/, finds the sweep they wanted full and takes the one suggested, signs
// up by keyboard; the guardian consents through their own link; on the day the leader checks the
// student in by the code the student shows and out by a tap; a coordinator approves the hours in the
// console; the student opens and prints the certificate; a school verifies it without an account.
// Between the steps the data's clock moves (journey-demo.ts): the Worker's own clock cannot.

const baseUrl = inject("baseUrl");
const browser = browserForFile();

describe("a sweep from the list to a verified certificate", () => {
  it("suggested sweep → a minor's sign-up → guardian's consent → check-in and out → approved hours → certificate → verified", async () => {
    const { full, suggested } = await planJourney(baseUrl);

    // The student opens the list, then the sweep they wanted (from a friend's link): it is full, and
    // its page suggests the one at the same time where help is needed.
    const student = await freshPage(browser(), VIEWPORTS.phone);
    await student.goto(`${baseUrl}/volunteer/`);
    await student.locator(".sweep-card").first().waitFor();
    await expectAxeClean(student, "/volunteer/ at 360 px");
    await student.goto(`${baseUrl}${sweepPath(full.id)}`);
    await student.locator("#sweep-heading").waitFor();
    const offered = student.locator(
      `section[aria-labelledby="suggested-heading"] a[href="${sweepPath(suggested.id)}"]`,
    );
    await offered.waitFor();
    await expectAxeClean(student, "a full sweep's page with its suggestion at 360 px");
    await tabTo(student, offered);
    await student.keyboard.press("Enter");
    await student.waitForURL(`**${sweepPath(suggested.id)}`);

    // Signs up by keyboard as a 15-year-old: the guardian's fields appear, the place is held.
    await student.locator("#signup-heading").waitFor();
    await student.locator("#signup-name").focus();
    await student.keyboard.type("周小禾");
    await typeInto(student, "手机号码", freshPhone());
    await typeInto(student, "学校或单位", "青溪中学");
    const birth = student.getByLabel("出生年月", { exact: true });
    await tabTo(student, birth);
    await birth.fill(bornFor(15, suggested.startsAt));
    await student.locator("#signup-minor-note").waitFor();
    await typeInto(student, "监护人姓名", "周大川");
    await typeInto(student, "监护人手机号码", freshPhone());
    await tabTo(student, student.locator("#signup-consent"));
    await student.keyboard.press("Space");
    await tabTo(student, student.locator('.signup button[type="submit"]'));
    await student.keyboard.press("Enter");
    await student.locator("#signed-up-heading").waitFor();
    await expect(student.locator("#signed-up-heading").textContent()).resolves.toBe("名额已为您保留，等待监护人同意");
    await expectAxeClean(student, "a minor's answer at 360 px");
    const consentLink = (await student.locator("#guardian-link-heading ~ .manage-link a").getAttribute("href")) ?? "";
    const manageLink = (await student.locator(".manage-link a").last().getAttribute("href")) ?? "";
    const manageToken = new URL(manageLink).hash.slice(3);
    expect((await manageView(manageToken)).signup.status).toBe("pending_consent");

    // The guardian consents on their own phone, by keyboard.
    const guardian = await freshPage(browser(), VIEWPORTS.phone);
    await guardian.goto(consentLink);
    await guardian.locator("#consent-heading").waitFor();
    await expect(guardian.locator("#consent-heading").textContent()).resolves.toContain("周小禾");
    await expectAxeClean(guardian, "the guardian's consent page at 360 px");
    await guardian.locator("#consent-guardian-name").focus();
    await guardian.keyboard.type("周大川");
    await tabTo(guardian, guardian.locator("#consent-agree"));
    await guardian.keyboard.press("Space");
    await tabTo(guardian, guardian.getByRole("button", { name: "同意", exact: true }));
    await guardian.keyboard.press("Enter");
    await poll(() => guardian.locator(".status-line").textContent()).toContain("您已同意");
    await guardian.context().close();
    expect((await manageView(manageToken)).signup.status).toBe("confirmed");

    // The day: the sweep is under way. The student's manage page shows the check-in code; the leader,
    // given the sweep's link by the coordinator, types it on their phone.
    await sweepIsUnderway(suggested.id);
    const cookie = await staffCookie(baseUrl);
    const { leaderPath } = await staffPost<{ leaderPath: string }>(
      baseUrl,
      cookie,
      `/api/staff/sweeps/${suggested.id}/leader-link`,
      {},
    );
    await student.goto(manageLink);
    await student.locator(".checkin-code").waitFor();
    const shown = ((await student.locator(".checkin-code").textContent()) ?? "").trim();
    await expectAxeClean(student, "the manage page with the check-in code at 360 px");

    const leader = await freshPage(browser(), VIEWPORTS.phone);
    await leader.goto(`${baseUrl}${leaderPath}`);
    await leader.locator(".leader-counts").waitFor();
    const box = leader.getByLabel("签到码", { exact: true });
    await tabTo(leader, box);
    await leader.keyboard.type(shown);
    await leader.keyboard.press("Enter");
    await poll(() => leader.locator("p[role=status].status-line").textContent()).toBe("周小禾 签到成功。");
    // The student came at the start; the leader checks them out when they leave, a tap.
    await checkedInAtStart(suggested.id);
    await leader.reload();
    await leader.getByRole("button", { name: "签退：周小禾" }).click();
    await poll(() => leader.locator("p[role=status].status-line").textContent()).toMatch(/^周小禾 签退成功/);
    await expectAxeClean(leader, "the leader's page after the check-out at 360 px");
    await leader.context().close();
    // From the start to now, rounded down to the half hour (HOURS_ROUNDING): 150 minutes.
    expect((await manageView(manageToken)).day.minutes).toBe(150);

    // The sweep is over; the coordinator approves its hours in the console, by keyboard.
    await sweepIsOver(suggested.id);
    const desk = await freshPage(browser(), VIEWPORTS.desktop, {
      storageState: await staffStorageState(browser(), baseUrl),
    });
    await desk.goto(`${baseUrl}/staff/sweeps/sweep/?id=${suggested.id}`);
    await desk.locator("#hours-heading").waitFor();
    const approve = desk.getByRole("button", { name: "审核通过本场时长并通知志愿者" });
    await tabTo(desk, approve);
    await desk.keyboard.press("Enter");
    await poll(async () => (await manageView(manageToken)).day.hoursApproved).toBe(true);
    await expectAxeClean(desk, "the sweep's hours approved at 1280 px");
    await desk.context().close();

    // The student asks for the certificate and prints it.
    await student.reload();
    await student.locator("#manage-heading").waitFor();
    await expect(student.locator(".messages").textContent()).resolves.toContain("时长已审核通过");
    const link = student.getByRole("link", { name: "申请/查看志愿服务记录证明" });
    await tabTo(student, link);
    await student.keyboard.press("Enter");
    await student.waitForURL(/\/volunteer\/certificate\/#t=/);
    const issue = student.getByRole("button", { name: "开具志愿服务记录证明" });
    await tabTo(student, issue);
    await student.keyboard.press("Enter");
    await student.locator("#certificate-title").waitFor();
    const article = student.locator(".certificate");
    await expect(article.textContent()).resolves.toContain("周小禾");
    await expect(article.locator(".cert-services").textContent()).resolves.toContain(suggested.title);
    await expectAxeClean(student, "the student's certificate at 360 px");
    await student.emulateMedia({ media: "print" });
    await expect(student.locator(".seal-box").isVisible()).resolves.toBe(true);
    await expect(student.locator(".site-header").isVisible()).resolves.toBe(false);
    await student.emulateMedia({ media: "screen" });
    const mine = (await (
      await fetch(`${baseUrl}/api/sweeps/manage/certificate`, { headers: { "x-manage-token": manageToken } })
    ).json()) as MyCertificate;
    const cert = mine.certificate;
    if (!cert) throw new Error("the certificate was not issued");
    await expect(student.locator(".cert-number").textContent()).resolves.toContain(cert.number);
    await student.context().close();

    // A school, without an account, types the number and check code from the printout.
    const school = await freshPage(browser(), VIEWPORTS.desktop);
    await school.goto(`${baseUrl}/volunteer/verify/`);
    await school.locator("astro-island:not([ssr])").waitFor({ state: "attached" });
    await tabTo(school, school.getByLabel("证明编号", { exact: true }));
    await school.keyboard.type(cert.number);
    await tabTo(school, school.getByLabel("校验码", { exact: true }));
    await school.keyboard.type(cert.checkCode);
    await school.keyboard.press("Enter");
    const verdict = school.locator("#verify-result-heading");
    await verdict.waitFor();
    await expect(verdict.textContent()).resolves.toContain("有效");
    await poll(() => isFocused(verdict)).toBe(true);
    const shownToSchool = (await school.locator(".verify-result").textContent()) ?? "";
    expect(shownToSchool).toContain("周小禾");
    expect(shownToSchool).toContain(suggested.title);
    await expectAxeClean(school, "the school's verification at 1280 px");
    await school.context().close();
  });
});
