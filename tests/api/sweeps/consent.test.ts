import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import worker from "../../../functions/index";
import type { Problem } from "../../../src/lib/kit/problem";
import { CONSENT_HOLD_HOURS } from "../../../src/shared/sweeps/rules";
import { GUARDIAN_PHONE_OWN } from "../../../src/shared/sweeps/schemas";
import type { ConsentView, GuardianLinkResult, ManageView, SignupResult } from "../../../src/shared/sweeps/wire";
import { chinaDay } from "../../../src/shared/time";
import {
  makeSweep,
  manage,
  newIp,
  newKey,
  newPhone,
  ORIGIN,
  rowCounts,
  signUp,
  signUpOk,
  statuses,
  validSignup,
} from "./factories";

const HOUR = 3_600_000;

/** A birth month that makes the person exactly `age` on the sweep's day (its own month: birthday not yet reached). */
function bornFor(age: number, startsAt: string) {
  const [y, m] = chinaDay(new Date(startsAt)).split("-") as [string, string];
  return `${Number(y) - age - 1}-${m}`;
}

const minor = (age: number, startsAt: string, over: Record<string, unknown> = {}) => ({
  birthMonth: bornFor(age, startsAt),
  guardianName: "王大明",
  guardianPhone: newPhone(),
  ...over,
});

const tokenOf = (r: SignupResult) => {
  expect(r.consentPath).toMatch(/^\/volunteer\/consent\/#t=[A-Za-z0-9_-]{22}$/);
  return (r.consentPath ?? "").split("#t=")[1] ?? "";
};

function consent(token: string, method = "GET", body?: unknown) {
  return exports.default.fetch(`${ORIGIN}/api/sweeps/consent`, {
    method,
    headers: { "x-consent-token": token, "content-type": "application/json", "cf-connecting-ip": newIp() },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

const agree = (token: string, guardianName = "王大明") => consent(token, "POST", { guardianName, consent: true });
const consentView = async (token: string) => (await (await consent(token)).json()) as ConsentView;
const manageView = async (token: string) => (await (await manage(token)).json()) as ManageView;

async function runCron(at: number) {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ scheduledTime: at, cron: "*/15 * * * *" }), env, ctx);
  await waitOnExecutionContext(ctx);
}

async function messagesOf(sweepId: string) {
  const { results } = await env.DB.prepare(
    `SELECT m.signup_id AS signupId, m.kind, m.recipient FROM sweep_messages m
      JOIN sweep_signups s ON s.id = m.signup_id WHERE s.sweep_id = ? ORDER BY m.id`,
  )
    .bind(sweepId)
    .all<{ signupId: number; kind: string; recipient: string }>();
  return results;
}

describe("a minor's sign-up", () => {
  it("holds the place for the guardian's consent, with the guardian's own link and a message to each", async () => {
    const s = await makeSweep({ minAge: 14 });
    const before = Date.now();
    const r = await signUpOk(s.id, minor(15, s.startsAt));
    expect(r.status).toBe("pending_consent");
    tokenOf(r);
    const held = Date.parse(r.heldUntil ?? "");
    expect(held).toBeGreaterThanOrEqual(before + CONSENT_HOLD_HOURS * HOUR);
    expect(held).toBeLessThan(Date.parse(s.startsAt));
    const row = await env.DB.prepare(
      "SELECT minor, guardian_name, guardian_hash, consented_at, held_until FROM sweep_signups WHERE sweep_id = ?",
    )
      .bind(s.id)
      .first<Record<string, unknown>>();
    expect(row).toMatchObject({ minor: 1, guardian_name: "王大明", consented_at: null, held_until: r.heldUntil });
    expect(row?.guardian_hash).toMatch(/^[0-9a-f]{64}$/);
    expect((await messagesOf(s.id)).map((m) => [m.kind, m.recipient])).toEqual([
      ["consent_needed", "volunteer"],
      ["consent_needed", "guardian"],
    ]);
    const v = await manageView(r.manageToken);
    expect(v.signup.status).toBe("pending_consent");
    expect(v.consent).toMatchObject({
      guardianName: "王**",
      consentedAt: null,
      heldUntil: r.heldUntil,
      canReissue: true,
    });
  });

  it("holds the place no later than the sweep's start", async () => {
    const s = await makeSweep({ minAge: 14, inHours: 10 });
    const r = await signUpOk(s.id, minor(16, s.startsAt));
    expect(r.heldUntil).toBe(s.startsAt);
  });

  it("refuses a guardian's phone that is the volunteer's own with 422 at the field, writing nothing", async () => {
    const s = await makeSweep({ minAge: 14 });
    const before = await rowCounts();
    const phone = newPhone();
    const res = await signUp(s.id, validSignup({ phone, ...minor(15, s.startsAt, { guardianPhone: phone }) }));
    expect(res.status).toBe(422);
    const p = (await res.json()) as Problem;
    expect(p.errors).toEqual([{ pointer: "#/guardianPhone", detail: GUARDIAN_PHONE_OWN }]);
    expect(await rowCounts()).toEqual(before);
  });

  it("keeps the sweep's minimum age, and says when a guardian must come along", async () => {
    const s = await makeSweep({ minAge: 14 });
    expect((await signUp(s.id, validSignup(minor(13, s.startsAt)))).status).toBe(422);
    await env.DB.prepare(
      "UPDATE sweeps SET min_age = 8, guardian_present_below = 14, version = version + 1 WHERE id = ?",
    )
      .bind(s.id)
      .run();
    const young = await signUpOk(s.id, minor(12, s.startsAt));
    expect(young.guardianMustAttend).toBe(true);
    expect((await manageView(young.manageToken)).consent?.guardianMustAttend).toBe(true);
    expect((await consentView(tokenOf(young))).guardianMustAttend).toBe(true);
    const older = await signUpOk(s.id, minor(15, s.startsAt));
    expect(older.guardianMustAttend).toBe(false);
    const adult = await signUpOk(s.id);
    expect(adult).toMatchObject({ status: "confirmed", consentPath: null, heldUntil: null, guardianMustAttend: false });
    expect((await manageView(adult.manageToken)).consent).toBeNull();
  });

  it("a replay of a minor's sign-up returns the same manage and consent links", async () => {
    const s = await makeSweep({ minAge: 14 });
    const body = validSignup(minor(15, s.startsAt));
    const key = newKey();
    const first = await signUp(s.id, body, { key });
    expect(first.status).toBe(201);
    const firstBody = (await first.json()) as SignupResult;
    const retry = await signUp(s.id, body, { key });
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(await retry.json()).toEqual(firstBody);
  });
});

describe("the guardian's consent link", () => {
  it("shows what is asked; the PIPL sensitive-data notice only for a child under 14", async () => {
    const s = await makeSweep({ minAge: 8 });
    const fifteen = await consentView(tokenOf(await signUpOk(s.id, minor(15, s.startsAt, { name: "李小红" }))));
    expect(fifteen).toMatchObject({
      child: { name: "李小红", ageBand: "14–17 周岁" },
      sensitive: false,
      status: "pending_consent",
      canConsent: true,
      canDecline: true,
      consentedAt: null,
    });
    expect(fifteen.processing.length).toBeGreaterThan(3);
    expect(fifteen.sweep.id).toBe(s.id);
    const twelve = await consentView(tokenOf(await signUpOk(s.id, minor(12, s.startsAt))));
    expect(twelve).toMatchObject({ child: { ageBand: "未满 14 周岁" }, sensitive: true });
  });

  it("answers an unknown secret 404 and a malformed one 422, reading the secret only from the header", async () => {
    expect((await consent("A".repeat(22))).status).toBe(404);
    expect((await consent("short")).status).toBe(422);
    const res = await exports.default.fetch(`${ORIGIN}/api/sweeps/consent?t=${"A".repeat(22)}`);
    expect(res.status).toBe(422);
  });

  it("consent confirms the held place, once the guardian confirms their name; the volunteer is told", async () => {
    const s = await makeSweep({ minAge: 14 });
    const r = await signUpOk(s.id, minor(15, s.startsAt));
    const token = tokenOf(r);
    const wrong = await agree(token, "张三");
    expect(wrong.status).toBe(422);
    expect(((await wrong.json()) as Problem).errors?.[0]?.pointer).toBe("#/guardianName");
    expect((await consent(token, "POST", { guardianName: "王大明" })).status).toBe(422);
    const ok = await agree(token, " 王 大明 ");
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ status: "confirmed" });
    const v = await manageView(r.manageToken);
    expect(v.signup.status).toBe("confirmed");
    expect(v.consent?.consentedAt).not.toBeNull();
    expect(v.messages[0]?.kind).toBe("consented");
    expect((await agree(token)).status).toBe(409);
    expect((await consentView(token)).canConsent).toBe(false);
  });

  it("a waiting minor may be consented while waiting, stays waiting, and confirms an offer after", async () => {
    const s = await makeSweep({ minAge: 14, capacity: 1 });
    const adult = await signUpOk(s.id);
    const r = await signUpOk(s.id, minor(15, s.startsAt));
    expect(r).toMatchObject({ status: "waitlisted", position: 1, heldUntil: null });
    expect((await agree(tokenOf(r))).status).toBe(200);
    expect((await statuses(s.id)).map((x) => x.status)).toEqual(["confirmed", "waitlisted"]);
    expect((await manage(adult.manageToken, "DELETE")).status).toBe(200);
    expect((await statuses(s.id)).map((x) => x.status)).toEqual(["cancelled", "offered"]);
    expect((await manage(r.manageToken, "POST", "/confirm")).status).toBe(200);
    expect((await statuses(s.id)).map((x) => x.status)).toEqual(["cancelled", "confirmed"]);
  });

  it("declining cancels the sign-up and offers the place to the next person waiting, in one batch", async () => {
    const s = await makeSweep({ minAge: 14, capacity: 1 });
    const r = await signUpOk(s.id, minor(15, s.startsAt));
    await signUpOk(s.id);
    const res = await consent(tokenOf(r), "DELETE");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "cancelled", offeredToNext: true });
    expect((await statuses(s.id)).map((x) => x.status)).toEqual(["cancelled", "offered"]);
    expect((await consent(tokenOf(r), "DELETE")).status).toBe(409);
    expect((await agree(tokenOf(r))).status).toBe(409);
  });

  it("a lost guardian link is re-issued from the manage link: the old one stops working", async () => {
    const s = await makeSweep({ minAge: 14 });
    const r = await signUpOk(s.id, minor(15, s.startsAt));
    const res = await manage(r.manageToken, "POST", "/guardian-link");
    expect(res.status).toBe(200);
    const fresh = (await res.json()) as GuardianLinkResult;
    expect(fresh.heldUntil).toBe(r.heldUntil);
    const newToken = fresh.consentPath.split("#t=")[1] ?? "";
    expect(newToken).not.toBe(tokenOf(r));
    expect((await consent(tokenOf(r))).status).toBe(404);
    expect((await agree(newToken)).status).toBe(200);
    const adult = await signUpOk(s.id);
    expect((await manage(adult.manageToken, "POST", "/guardian-link")).status).toBe(409);
    expect((await manage("B".repeat(22), "POST", "/guardian-link")).status).toBe(404);
  });
});

describe("a minor without the guardian's consent is never confirmed", () => {
  it("the database refuses a direct update to confirmed", async () => {
    const s = await makeSweep({ minAge: 14 });
    await signUpOk(s.id, minor(15, s.startsAt));
    await expect(
      env.DB.prepare("UPDATE sweep_signups SET status = 'confirmed' WHERE sweep_id = ?").bind(s.id).run(),
    ).rejects.toThrow(/consent_missing/);
    expect((await statuses(s.id)).map((x) => x.status)).toEqual(["pending_consent"]);
  });

  it("an offered place is not confirmed before consent: 409 saying the guardian consents first", async () => {
    const s = await makeSweep({ minAge: 14, capacity: 1 });
    const adult = await signUpOk(s.id);
    const r = await signUpOk(s.id, minor(15, s.startsAt));
    await manage(adult.manageToken, "DELETE");
    expect((await statuses(s.id)).map((x) => x.status)).toEqual(["cancelled", "offered"]);
    const res = await manage(r.manageToken, "POST", "/confirm");
    expect(res.status).toBe(409);
    expect(((await res.json()) as Problem).detail).toContain("监护人尚未同意");
    expect((await statuses(s.id)).map((x) => x.status)).toEqual(["cancelled", "offered"]);
    expect((await agree(tokenOf(r))).status).toBe(200);
    expect((await statuses(s.id)).map((x) => x.status)).toEqual(["cancelled", "offered"]);
    expect((await manage(r.manageToken, "POST", "/confirm")).status).toBe(200);
  });

  it("the cron releases a lapsed hold and offers the place to the next person waiting; consent after is 409", async () => {
    const s = await makeSweep({ minAge: 14, capacity: 1, inHours: 96 });
    const r = await signUpOk(s.id, minor(15, s.startsAt));
    await signUpOk(s.id);
    await runCron(Date.now() + HOUR);
    expect((await statuses(s.id)).map((x) => x.status)).toEqual(["pending_consent", "waitlisted"]);
    await runCron(Date.now() + (CONSENT_HOLD_HOURS + 1) * HOUR);
    expect((await statuses(s.id)).map((x) => x.status)).toEqual(["released", "offered"]);
    const v = await manageView(r.manageToken);
    expect(v.messages[0]?.kind).toBe("released");
    const late = await agree(tokenOf(r));
    expect(late.status).toBe(409);
    expect(((await late.json()) as Problem).detail).toContain("保留期已过");
  });

  it("consent after the hold ran out but before the cron ran is 409 too", async () => {
    const s = await makeSweep({ minAge: 14 });
    const r = await signUpOk(s.id, minor(15, s.startsAt));
    await env.DB.prepare("UPDATE sweep_signups SET held_until = ? WHERE sweep_id = ?")
      .bind(new Date(Date.now() - 1000).toISOString(), s.id)
      .run();
    expect((await agree(tokenOf(r))).status).toBe(409);
    expect((await statuses(s.id)).map((x) => x.status)).toEqual(["pending_consent"]);
  });
});
