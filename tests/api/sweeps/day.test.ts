import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { NO_SHOW_RULE } from "../../../src/shared/sweeps/rules";
import type {
  AttendanceResult,
  HoursApproved,
  LeaderRoster,
  MinutesCorrected,
  SweepHours,
  WalkInResult,
} from "../../../src/shared/sweeps/wire";
import { call } from "../staff/factories";
import {
  coordinator,
  lead,
  leaderLink,
  manageViewOf,
  moveSweep,
  newPhone,
  pastNoShows,
  row,
  signupIds,
  sweepOnTheDay,
} from "./day-factories";
import { makeSweep, signUp, signUpOk, validSignup } from "./factories";

const auditRows = async (action: string, target: string) =>
  (
    await env.DB.prepare("SELECT detail FROM audit_log WHERE action = ? AND target = ?")
      .bind(action, target)
      .all<{ detail: string }>()
  ).results;

const json = async <T>(res: Response, status = 200) => {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return JSON.parse(text) as T;
};

describe("the leader's link", () => {
  it("is issued by staff (audited, version unchanged) and replaces the one before", async () => {
    const day = await sweepOnTheDay(1);
    const version = async () =>
      (await env.DB.prepare("SELECT version FROM sweeps WHERE id = ?").bind(day.id).first<{ version: number }>())
        ?.version;
    const before = await version();
    const first = await leaderLink(day.id);
    expect(first).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const roster = await json<LeaderRoster>(await lead(first));
    expect(roster.sweep.id).toBe(day.id);
    expect(roster.entries[0]?.name).toBe("志愿者1");
    expect(roster.entries[0]?.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
    const second = await leaderLink(day.id);
    expect((await lead(first)).status).toBe(404);
    expect((await lead(second)).status).toBe(200);
    expect(await version()).toBe(before);
    expect(await auditRows("sweep.leader_link_issued", day.id)).toHaveLength(2);
    expect((await lead("not-a-token")).status).toBe(422);
  });

  it("opens one sweep only: another sweep's people cannot be touched with it", async () => {
    const a = await sweepOnTheDay(1);
    const b = await sweepOnTheDay(1);
    const tokenA = await leaderLink(a.id);
    const other = b.ids[0];
    expect((await lead(tokenA, "/checkin", { signupId: other })).status).toBe(404);
    expect((await lead(tokenA, "/no-show", { signupId: other })).status).toBe(404);
    const code = (await manageViewOf(b.signups[0]?.manageToken ?? "")).day.checkinCode;
    expect((await lead(tokenA, "/checkin", { code })).status).toBe(404);
    expect((await row(other ?? 0))?.checked_in_at).toBeNull();
  });
});

describe("checking in and out", () => {
  it("checks in by a tap and by the code the volunteer shows (typed loosely), once", async () => {
    const day = await sweepOnTheDay(2);
    const token = await leaderLink(day.id);
    const tap = await json<AttendanceResult>(await lead(token, "/checkin", { signupId: day.ids[0] }));
    expect(tap.changed).toBe(true);
    expect(tap.entry.attendance).toBe("attended");
    const again = await json<AttendanceResult>(await lead(token, "/checkin", { signupId: day.ids[0] }));
    expect(again.changed).toBe(false);
    expect(again.entry.checkedInAt).toBe(tap.entry.checkedInAt);

    const view = await manageViewOf(day.signups[1]?.manageToken ?? "");
    const code = view.day.checkinCode ?? "";
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
    const typed = `${code.slice(0, 4).toLowerCase()}-${code.slice(4)}`;
    const byCode = await json<AttendanceResult>(await lead(token, "/checkin", { code: typed }));
    expect(byCode.entry.id).toBe(day.ids[1]);
    const roster = await json<LeaderRoster>(await lead(token));
    expect(roster.counts).toMatchObject({ confirmed: 2, checkedIn: 2, checkedOut: 0, noShow: 0 });
    expect((await manageViewOf(day.signups[1]?.manageToken ?? "")).day.attendance).toBe("attended");
  });

  it("answers a code not in the sweep 404 and a malformed one 422 at the field", async () => {
    const day = await sweepOnTheDay(1);
    const token = await leaderLink(day.id);
    expect((await lead(token, "/checkin", { code: "ZZZZ9999" })).status).toBe(404);
    const bad = await lead(token, "/checkin", { code: "12" });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { errors: { pointer: string }[] }).errors.map((e) => e.pointer)).toContain("#/code");
  });

  it("opens check-in an hour before the start and closes it at the end", async () => {
    const early = await sweepOnTheDay(1, 3, 6);
    const tokenEarly = await leaderLink(early.id);
    expect((await lead(tokenEarly, "/checkin", { signupId: early.ids[0] })).status).toBe(409);
    await moveSweep(early.id, 0.5, 3);
    expect((await lead(tokenEarly, "/checkin", { signupId: early.ids[0] })).status).toBe(200);
    const over = await sweepOnTheDay(1, -4, -1);
    const tokenOver = await leaderLink(over.id);
    expect((await lead(tokenOver, "/checkin", { signupId: over.ids[0] })).status).toBe(409);
  });

  it("refuses attendance for a place that is not confirmed (the database's not_confirmed)", async () => {
    const day = await sweepOnTheDay(0, -1, 2, { capacity: 1, inHours: 72 });
    // Put the sweep back in the future to fill it and waitlist one, then start it.
    await moveSweep(day.id, 72, 75);
    await signUpOk(day.id);
    await signUpOk(day.id);
    await moveSweep(day.id, -1, 2);
    const [, waiting] = await signupIds(day.id);
    const token = await leaderLink(day.id);
    const res = await lead(token, "/checkin", { signupId: waiting });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { detail: string }).detail).toContain("已确认");
  });

  it("computes the minutes at check-out: clipped to the sweep, rounded down to 30", async () => {
    const day = await sweepOnTheDay(1, -2, 1);
    const token = await leaderLink(day.id);
    const id = day.ids[0] ?? 0;
    expect((await lead(token, "/checkout", { signupId: id })).status).toBe(409); // not checked in
    await json(await lead(token, "/checkin", { signupId: id }));
    // Arrived 10 minutes before the start: travel and waiting do not count.
    const early = new Date(Date.now() - 2 * 3_600_000 - 10 * 60_000).toISOString();
    await env.DB.prepare("UPDATE sweep_signups SET checked_in_at = ? WHERE id = ?").bind(early, id).run();
    const out = await json<AttendanceResult>(await lead(token, "/checkout", { signupId: id }));
    expect(out.entry.minutes).toBe(120);
    expect(out.entry.checkedOutAt).not.toBeNull();
    const again = await json<AttendanceResult>(await lead(token, "/checkout", { signupId: id }));
    expect(again.changed).toBe(false);
    const view = await manageViewOf(day.signups[0]?.manageToken ?? "");
    expect(view.day).toMatchObject({ minutes: 120, hoursApproved: false });
    // A mistaken check-out is undone (its minutes too), then a second undo clears the check-in.
    const undone = await json<AttendanceResult>(await lead(token, "/undo", { signupId: id }));
    expect(undone.entry).toMatchObject({ checkedOutAt: null, minutes: null, attendance: "attended" });
    const cleared = await json<AttendanceResult>(await lead(token, "/undo", { signupId: id }));
    expect(cleared.entry).toMatchObject({ checkedInAt: null, attendance: null });
  });
});

describe("walk-ins and no-shows", () => {
  it("adds a walk-in onto a free place, checked in, and refuses one when the sweep is full", async () => {
    const day = await sweepOnTheDay(1, -0.5, 2, { capacity: 2 });
    const token = await leaderLink(day.id);
    const body = { name: "路过的张三", phone: newPhone(), organisation: "", birthMonth: "1990-03" };
    const added = await json<WalkInResult>(await lead(token, "/walk-ins", body), 201);
    expect(added.entry).toMatchObject({
      name: "路过的张三",
      walkIn: true,
      attendance: "attended",
      status: "confirmed",
    });
    expect(added.managePath).toMatch(/^\/volunteer\/manage\/#t=/);
    const full = await lead(token, "/walk-ins", { ...body, phone: newPhone() });
    expect(full.status).toBe(409);
    expect(((await full.json()) as { detail: string }).detail).toContain("没有空余名额");
    expect((await json<LeaderRoster>(await lead(token))).counts).toMatchObject({ confirmed: 2, placesLeft: 0 });
  });

  it("takes a minor only with a guardian present who consents in person", async () => {
    const day = await sweepOnTheDay(0, -0.5, 2, { minAge: 12 });
    const token = await leaderLink(day.id);
    const year = new Date().getFullYear() - 15;
    const minor = { name: "李小华", phone: newPhone(), birthMonth: `${year}-01` };
    const refused = await lead(token, "/walk-ins", minor);
    expect(refused.status).toBe(422);
    const pointers = ((await refused.json()) as { errors: { pointer: string }[] }).errors.map((e) => e.pointer);
    expect(pointers).toEqual(["#/guardianName", "#/guardianPhone", "#/guardianConsented"]);
    const ok = await json<WalkInResult>(
      await lead(token, "/walk-ins", {
        ...minor,
        guardianName: "李大华",
        guardianPhone: newPhone(),
        guardianConsented: true,
      }),
      201,
    );
    expect(ok.entry.minor).toBe(true);
    expect((await row(ok.entry.id))?.consented_at).not.toBeNull();
  });

  it("marks a no-show only after the start and never for someone checked in; undo clears it", async () => {
    const before = await sweepOnTheDay(1, 0.5, 3);
    const tokenBefore = await leaderLink(before.id);
    expect((await lead(tokenBefore, "/no-show", { signupId: before.ids[0] })).status).toBe(409);

    const day = await sweepOnTheDay(2);
    const token = await leaderLink(day.id);
    const marked = await json<AttendanceResult>(await lead(token, "/no-show", { signupId: day.ids[0] }));
    expect(marked.entry.attendance).toBe("no_show");
    await json(await lead(token, "/checkin", { signupId: day.ids[1] }));
    expect((await lead(token, "/no-show", { signupId: day.ids[1] })).status).toBe(409);
    const undone = await json<AttendanceResult>(await lead(token, "/undo", { signupId: day.ids[0] }));
    expect(undone.entry.attendance).toBeNull();
    expect((await lead(token, "/undo", { signupId: day.ids[0] })).status).toBe(409);
  });

  it("refuses a sign-up after repeated no-shows, quoting the rule", async () => {
    const phone = newPhone();
    await pastNoShows(phone, NO_SHOW_RULE.limit);
    const sweep = await makeSweep();
    const res = await signUp(sweep.id, validSignup({ phone }));
    expect(res.status).toBe(409);
    const detail = ((await res.json()) as { detail: string }).detail;
    expect(detail).toContain(`${NO_SHOW_RULE.withinDays} 天`);
    expect(detail).toContain(`${NO_SHOW_RULE.limit} 次`);
    // One fewer no-show: the sign-up goes through.
    const other = newPhone();
    await pastNoShows(other, NO_SHOW_RULE.limit - 1);
    expect((await signUp(sweep.id, validSignup({ phone: other }))).status).toBe(201);
  });
});

describe("hours, approved by staff", () => {
  it("approves a finished sweep's hours once, telling each person who attended; the leader's writes stop", async () => {
    const day = await sweepOnTheDay(2, -1, 2);
    const token = await leaderLink(day.id);
    const cookie = await coordinator();
    await json(await lead(token, "/checkin", { signupId: day.ids[0] }));
    await json(await lead(token, "/no-show", { signupId: day.ids[1] }));
    await moveSweep(day.id, -3, -0.5);
    const hours = await json<SweepHours>(await call(`/api/staff/sweeps/${day.id}/hours`, { cookie }));
    expect(hours.missingMinutes).toBe(1);
    const blocked = await call(`/api/staff/sweeps/${day.id}/hours/approve`, { method: "POST", cookie, body: {} });
    expect(blocked.status).toBe(409);
    await json(await lead(token, "/checkout", { signupId: day.ids[0] }));
    const approved = await json<HoursApproved>(
      await call(`/api/staff/sweeps/${day.id}/hours/approve`, { method: "POST", cookie, body: {} }),
    );
    expect(approved.messaged).toBe(1);
    const messages = await env.DB.prepare(
      "SELECT signup_id FROM sweep_messages WHERE kind = 'hours_approved' AND signup_id IN (?, ?)",
    )
      .bind(day.ids[0], day.ids[1])
      .all<{ signup_id: number }>();
    expect(messages.results.map((m) => m.signup_id)).toEqual([day.ids[0]]);
    expect(await auditRows("sweep.hours_approved", day.id)).toHaveLength(1);
    expect((await call(`/api/staff/sweeps/${day.id}/hours/approve`, { method: "POST", cookie, body: {} })).status).toBe(
      409,
    );
    expect((await lead(token, "/undo", { signupId: day.ids[0] })).status).toBe(409);
    expect((await manageViewOf(day.signups[0]?.manageToken ?? "")).day.hoursApproved).toBe(true);
  });

  it("refuses approval before the sweep ends", async () => {
    const day = await sweepOnTheDay(1);
    const cookie = await coordinator();
    expect((await call(`/api/staff/sweeps/${day.id}/hours/approve`, { method: "POST", cookie, body: {} })).status).toBe(
      409,
    );
  });

  it("corrects minutes with a reason, audited, before and after approval", async () => {
    const day = await sweepOnTheDay(1, -3, -0.5);
    const cookie = await coordinator();
    const path = `/api/staff/sweeps/${day.id}/signups/${day.ids[0]}/minutes`;
    const missing = await call(path, { method: "PATCH", cookie, body: { minutes: 60 } });
    expect(missing.status).toBe(422);
    const tooMany = await call(path, { method: "PATCH", cookie, body: { minutes: 999, reason: "补记" } });
    expect(tooMany.status).toBe(422);
    const first = await json<MinutesCorrected>(
      await call(path, { method: "PATCH", cookie, body: { minutes: 120, reason: "领队漏签，现场照片为证" } }),
    );
    expect(first).toMatchObject({ afterApproval: false, row: { minutes: 120, attendance: "attended" } });
    await json(await call(`/api/staff/sweeps/${day.id}/hours/approve`, { method: "POST", cookie, body: {} }));
    const second = await json<MinutesCorrected>(
      await call(path, { method: "PATCH", cookie, body: { minutes: 90, reason: "提前离开" } }),
    );
    expect(second.afterApproval).toBe(true);
    const audits = (await auditRows("sweep.minutes_corrected", `${day.id}/${day.ids[0]}`)).map((a) =>
      JSON.parse(a.detail),
    );
    expect(audits).toEqual([
      { from: null, to: 120, reason: "领队漏签，现场照片为证", afterApproval: false },
      { from: 120, to: 90, reason: "提前离开", afterApproval: true },
    ]);
    expect(
      (
        await call(`/api/staff/sweeps/${day.id}/signups/999999/minutes`, {
          method: "PATCH",
          cookie,
          body: { minutes: 30, reason: "测试" },
        })
      ).status,
    ).toBe(404);
  });

  it("lets a signed-in coordinator use the leader's page by the sweep's id", async () => {
    const day = await sweepOnTheDay(1);
    const cookie = await coordinator();
    const roster = await json<LeaderRoster>(await call(`/api/staff/sweeps/${day.id}/day`, { cookie }));
    expect(roster.entries).toHaveLength(1);
    const res = await call(`/api/staff/sweeps/${day.id}/day/checkin`, {
      method: "POST",
      cookie,
      body: { signupId: day.ids[0] },
    });
    expect((await json<AttendanceResult>(res)).entry.attendance).toBe("attended");
  });
});
