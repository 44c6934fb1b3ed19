import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { personKey } from "../../../functions/lib/person-key";
import { randomToken, sha256Hex } from "../../../functions/lib/tokens";
import type { GroupSignupResult, GroupView, MyCertificate, SignupResult } from "../../../src/shared/sweeps/wire";
import { chinaDay } from "../../../src/shared/time";
import { allOrNothing, publicVia, staffVia } from "./all-or-nothing";
import { coordinator, leaderLink, moveSweep, sweepOnTheDay } from "./day-factories";
import { makeSweep, manage, newKey, newPhone, signUp, signUpOk, statuses, validSignup } from "./factories";

// The mutations of consent, groups, the day and after (issue 11's sub-features), each one D1 batch:
// a failure injected at each statement in turn answers 500 and leaves every sweeps table and the
// audit log as they were; run whole, one write batch and no other write.

const HOUR = 3_600_000;

/** A birth month that makes the person `age` on the sweep's day. */
function bornFor(age: number, startsAt: string) {
  const [y, m] = chinaDay(new Date(startsAt)).split("-") as [string, string];
  return `${Number(y) - age - 1}-${m}`;
}

const minorBody = (startsAt: string, age = 16) =>
  validSignup({ birthMonth: bornFor(age, startsAt), guardianName: "王大明", guardianPhone: newPhone() });

async function minorOk(sweepId: string, startsAt: string) {
  const res = await signUp(sweepId, minorBody(startsAt));
  if (res.status !== 201) throw new Error(`minor sign-up: ${res.status} ${await res.text()}`);
  const r = (await res.json()) as SignupResult;
  return { ...r, consentToken: (r.consentPath ?? "").split("#t=")[1] ?? "" };
}

const consentHeaders = (token: string) => ({ "x-consent-token": token });

async function groupOk(sweepId: string, size: number) {
  const body = {
    contactName: "李老师",
    contactPhone: newPhone(),
    organisation: "青溪中学 初二（3）班",
    size,
    consent: true,
  };
  const res = await publicVia(env, `/${sweepId}/groups`, "POST", { "idempotency-key": newKey() }, body);
  if (res.status !== 201) throw new Error(`group sign-up: ${res.status} ${await res.text()}`);
  const g = (await res.json()) as GroupSignupResult;
  const view = (await (await publicVia(env, "/group", "GET", { "x-group-token": g.groupToken })).json()) as GroupView;
  return { token: g.groupToken, members: view.members.map((m) => m.id) };
}

describe("consent: every mutation one batch, all or nothing", () => {
  it("a minor's sign-up holds the place and asks the guardian, in one batch", async () => {
    const s = await makeSweep({ minAge: 14 });
    const body = minorBody(s.startsAt);
    const key = newKey();
    await allOrNothing(
      "minor's sign-up",
      (e) => publicVia(e, `/${s.id}/signups`, "POST", { "idempotency-key": key }, body),
      {
        ok: 201,
      },
    );
    expect((await statuses(s.id)).map((r) => r.status)).toEqual(["pending_consent"]);
  });

  it("the guardian's consent confirms the place in one batch", async () => {
    const s = await makeSweep({ minAge: 14 });
    const m = await minorOk(s.id, s.startsAt);
    const body = { guardianName: "王大明", consent: true };
    await allOrNothing("consent", (e) => publicVia(e, "/consent", "POST", consentHeaders(m.consentToken), body));
    expect((await statuses(s.id)).map((r) => r.status)).toEqual(["confirmed"]);
  });

  it("the guardian's refusal cancels and offers the place on, in one batch", async () => {
    const s = await makeSweep({ minAge: 14, capacity: 1 });
    const m = await minorOk(s.id, s.startsAt);
    await signUpOk(s.id);
    await allOrNothing("decline", (e) => publicVia(e, "/consent", "DELETE", consentHeaders(m.consentToken)));
    expect((await statuses(s.id)).map((r) => r.status)).toEqual(["cancelled", "offered"]);
  });

  it("a new guardian link replaces the old one in one batch", async () => {
    const s = await makeSweep({ minAge: 14 });
    const m = await minorOk(s.id, s.startsAt);
    await allOrNothing("guardian link", (e) =>
      publicVia(e, "/manage/guardian-link", "POST", { "x-manage-token": m.manageToken }),
    );
  });
});

describe("groups: every mutation one batch, all or nothing", () => {
  it("a group's sign-up takes its places in one batch", async () => {
    const s = await makeSweep({ capacity: 8 });
    const body = {
      contactName: "李老师",
      contactPhone: newPhone(),
      organisation: "青溪中学 初二（3）班",
      size: 5,
      consent: true,
    };
    const key = newKey();
    const { length } = await allOrNothing(
      "group sign-up",
      (e) => publicVia(e, `/${s.id}/groups`, "POST", { "idempotency-key": key }, body),
      { ok: 201 },
    );
    expect(length).toBeGreaterThanOrEqual(3);
    expect(await statuses(s.id)).toHaveLength(5);
  });

  it("completing a member (an adult, then a minor held for consent), giving a place back and cancelling the group", async () => {
    const s = await makeSweep({ capacity: 6, minAge: 14 });
    const g = await groupOk(s.id, 4);
    const [a, b, c] = g.members;
    await signUpOk(s.id);
    await signUpOk(s.id);
    await signUpOk(s.id); // waiting, so a place given back is offered on
    const headers = { "x-group-token": g.token };
    const adult = { name: "张同学", phone: newPhone(), birthMonth: "2004-03" };
    const minor = {
      name: "刘同学",
      phone: newPhone(),
      birthMonth: bornFor(15, s.startsAt),
      guardianName: "刘爸爸",
      guardianPhone: newPhone(),
    };
    await allOrNothing("member (adult)", (e) => publicVia(e, `/group/members/${a}`, "PUT", headers, adult));
    await allOrNothing("member (minor)", (e) => publicVia(e, `/group/members/${b}`, "PUT", headers, minor));
    await allOrNothing("member given back", (e) => publicVia(e, `/group/members/${c}`, "DELETE", headers));
    await allOrNothing("group cancelled", (e) => publicVia(e, "/group", "DELETE", headers));
    expect((await statuses(s.id)).map((r) => r.status)).toContain("offered");
  });
});

describe("the day: every mutation one batch with its audit row where staff act, all or nothing", () => {
  it("issues a leader link in one batch", async () => {
    const cookie = await coordinator();
    const s = await makeSweep();
    await allOrNothing("leader link", (e) => staffVia(e, cookie, `/${s.id}/leader-link`, "POST", {}), { ok: 201 });
  });

  it("checks in, checks out, marks a no-show, undoes and adds a walk-in, each in one batch", async () => {
    const day = await sweepOnTheDay(3, -0.5, 2, { capacity: 4 });
    const token = await leaderLink(day.id);
    const headers = { "x-leader-token": token };
    const [a, b] = day.ids;
    await allOrNothing("check-in", (e) => publicVia(e, "/lead/checkin", "POST", headers, { signupId: a }));
    await allOrNothing("check-out", (e) => publicVia(e, "/lead/checkout", "POST", headers, { signupId: a }));
    await allOrNothing("undo", (e) => publicVia(e, "/lead/undo", "POST", headers, { signupId: a }));
    await allOrNothing("no-show", (e) => publicVia(e, "/lead/no-show", "POST", headers, { signupId: b }));
    const walkIn = { name: "路过的张三", phone: newPhone(), organisation: "", birthMonth: "1990-03" };
    await allOrNothing("walk-in", (e) => publicVia(e, "/lead/walk-ins", "POST", headers, walkIn), { ok: 201 });
  });

  it("approves a finished sweep's hours and corrects minutes, each in one batch with its audit row", async () => {
    const day = await sweepOnTheDay(2, -0.5, 2);
    const token = await leaderLink(day.id);
    for (const id of day.ids) {
      expect(
        (await publicVia(env, "/lead/checkin", "POST", { "x-leader-token": token }, { signupId: id })).status,
      ).toBe(200);
    }
    await moveSweep(day.id, -3, -0.5);
    const cookie = await coordinator();
    const [a, b] = day.ids;
    const correct = { minutes: 120, reason: "领队漏签，现场照片为证" };
    await allOrNothing("minutes", (e) => staffVia(e, cookie, `/${day.id}/signups/${a}/minutes`, "PATCH", correct));
    await allOrNothing("minutes", (e) => staffVia(e, cookie, `/${day.id}/signups/${b}/minutes`, "PATCH", correct));
    await allOrNothing("hours approved", (e) => staffVia(e, cookie, `/${day.id}/hours/approve`, "POST", {}));
  });
});

/** A person who attended a past sweep with approved hours; their manage secret. */
async function servedVolunteer() {
  const sweep = await makeSweep({ inHours: -24 * 30 });
  const token = randomToken(16);
  const phone = newPhone();
  const at = new Date(Date.parse(sweep.startsAt) - 48 * HOUR).toISOString();
  await env.DB.prepare(
    `INSERT INTO sweep_signups (sweep_id, manage_hash, person_key, name, phone, organisation, birth_month, status,
       attendance, minutes, checked_in_at, checked_out_at, created_at, updated_at)
     VALUES (?, ?, ?, '王小明', ?, '青溪大学', '2001-05', 'confirmed', 'attended', 150, ?, ?, ?, ?)`,
  )
    .bind(
      sweep.id,
      await sha256Hex(token),
      await personKey(env, "sweep", phone),
      phone,
      sweep.startsAt,
      sweep.endsAt,
      at,
      at,
    )
    .run();
  await env.DB.prepare("UPDATE sweeps SET hours_approved_at = ? WHERE id = ?")
    .bind(new Date().toISOString(), sweep.id)
    .run();
  return token;
}

describe("certificates: issuing and revoking are each one batch, all or nothing", () => {
  it("issues a certificate, and a coordinator revokes it with its audit row", async () => {
    const token = await servedVolunteer();
    const { answer } = await allOrNothing(
      "certificate issued",
      (e) => publicVia(e, "/manage/certificate", "POST", { "x-manage-token": token }),
      { ok: 201 },
    );
    const number = ((await (answer as Response).json()) as MyCertificate).certificate?.number ?? "";
    expect((await manage(token, "GET", "/certificate")).status).toBe(200);
    const cookie = await coordinator();
    await allOrNothing("certificate revoked", (e) =>
      staffVia(e, cookie, `/certificates/${number}/revoke`, "POST", { reason: "时长登记有误，已重新开具" }),
    );
  });
});
