import { and, count, eq } from "drizzle-orm";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { auditLog } from "../../../functions/db/schema";
import { recentFailedSignIns } from "../../../functions/db/staff/sign-in";
import { handleError, problem } from "../../../functions/lib/problem";
import { freshLimiterWindow } from "../limiter-window";
import { expectIndexed, plan } from "../query-plan";
import { call, db, makeStaff, newClientIp, PASSWORD } from "./factories";

const login = (email: string, password: string, ip = newClientIp(), headers: Record<string, string> = {}) =>
  call("/api/staff/auth/login", { method: "POST", body: { email, password }, ip, headers });

/** Ten failed sign-ins for `email` from `ip`, `minutesAgo`, as the audit log keeps them. */
async function pastFailures(email: string, ip: string, minutesAgo: number) {
  const at = new Date(Date.now() - minutesAgo * 60_000).toISOString();
  await db()
    .insert(auditLog)
    .values(
      Array.from({ length: 10 }, () => ({
        at,
        actorEmail: email,
        action: "auth.login_failed",
        target: email,
        clientIp: ip,
      })),
    );
}

/** Everything a client can read from an answer: status, the headers that differ, the body's bytes. */
async function seen(res: Response) {
  return {
    status: res.status,
    contentType: res.headers.get("content-type"),
    retryAfter: res.headers.get("retry-after"),
    setCookie: res.headers.get("set-cookie"),
    body: await res.text(),
  };
}

describe("sign-in failures and lockout", () => {
  // 13 sign-ins, each a PBKDF2 hash: 1 s on the two-core machine under load; 30 s leaves room.
  it("answers a locked account, a wrong password, a disabled account and an unknown email byte for byte alike", async () => {
    const user = await makeStaff("dispatcher");
    const disabled = await makeStaff("viewer", { disabledAt: new Date().toISOString() });
    const ip = newClientIp();
    for (let i = 1; i <= 10; i++) expect((await login(user.email, `wrong-${i}`, ip)).status).toBe(401);
    // The same request id, so the bodies may be compared whole.
    const asked = (email: string, password: string) => login(email, password, ip, { "x-request-id": "same-request" });
    const locked = await seen(await asked(user.email, PASSWORD));
    const wrong = await seen(await asked(user.email, "wrong-11"));
    const unknown = await seen(await asked("nobody-at-all@qingxi.example", PASSWORD));
    const off = await seen(await asked(disabled.email, PASSWORD));
    expect(locked).toMatchObject({ status: 401, retryAfter: null, setCookie: null });
    expect(unknown).toEqual(locked);
    expect(wrong).toEqual(locked);
    expect(off).toEqual(locked);
    expect(JSON.parse(locked.body)).toMatchObject({
      title: "需要登录",
      detail: expect.stringContaining("邮箱或密码不正确"),
    });
  }, 30_000);

  // 14 sign-ins: 1 s on the two-core machine under load; 30 s leaves room.
  it("keeps a stranger from locking an officer out: the session works and the officer's own sign-in too", async () => {
    const officer = await makeStaff("dispatcher");
    const officersIp = newClientIp();
    const signedIn = await login(officer.email, PASSWORD, officersIp);
    expect(signedIn.status).toBe(200);
    const cookie = signedIn.headers.getSetCookie()[0]?.split(";")[0] ?? "";
    const strangersIp = newClientIp();
    for (let i = 1; i <= 12; i++) expect((await login(officer.email, `guess-${i}`, strangersIp)).status).toBe(401);
    // The stranger is shut out, even with the right password...
    expect((await login(officer.email, PASSWORD, strangersIp)).status).toBe(401);
    // ...while the officer's session goes on and their own sign-in still works.
    expect((await call("/api/staff/auth/me", { cookie, ip: officersIp })).status).toBe(200);
    expect((await login(officer.email, PASSWORD, officersIp)).status).toBe(200);
  }, 30_000);

  it("shuts one client out of an account for 15 minutes after 10 failures, then opens again", async () => {
    const user = await makeStaff("viewer");
    const recent = newClientIp();
    await pastFailures(user.email, recent, 14);
    expect((await login(user.email, PASSWORD, recent)).status).toBe(401);
    const earlier = newClientIp();
    await pastFailures(user.email, earlier, 16);
    expect((await login(user.email, PASSWORD, earlier)).status).toBe(200);
  });

  // 20 sign-ins: 1.5 s on the two-core machine under load; 30 s leaves room.
  it("counts failures since the last success from that client: a success starts the count again", async () => {
    const user = await makeStaff("viewer");
    const ip = newClientIp();
    for (let i = 1; i <= 9; i++) expect((await login(user.email, `typo-${i}`, ip)).status).toBe(401);
    expect((await login(user.email, PASSWORD, ip)).status).toBe(200);
    for (let i = 1; i <= 9; i++) expect((await login(user.email, `typo-again-${i}`, ip)).status).toBe(401);
    expect((await login(user.email, PASSWORD, ip)).status).toBe(200);
  }, 30_000);

  // Six sign-ins at once, each a PBKDF2 hash: 0.5 s on the two-core machine under load; 30 s leaves room.
  it("counts parallel wrong guesses without losing any", async () => {
    const user = await makeStaff("viewer");
    const ip = newClientIp();
    await Promise.all(Array.from({ length: 6 }, (_, i) => login(user.email, `parallel-${i}`, ip)));
    const [row] = await db()
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.actorEmail, user.email), eq(auditLog.action, "auth.login_failed")));
    expect(row?.n).toBe(6);
  }, 30_000);

  it("reads a client's failures through the audit log's index", async () => {
    expectIndexed(
      await plan(recentFailedSignIns(db(), "someone@qingxi.example", "192.0.2.1", new Date().toISOString())),
    );
  });

  // 26 sign-ins: 1.9 s on the two-core machine under load, after up to 20 s for a fresh window.
  it("throttles one client trying many accounts with 429 and Retry-After", async () => {
    // Up to 20 s waiting for a fresh window, then the requests.
    await freshLimiterWindow();
    const ip = newClientIp();
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push((await login(`nobody-${i}@qingxi.example`, "x", ip)).status);
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429, 429, 429, 429]);
    const res = await login("nobody@qingxi.example", "x", ip);
    expect(res.headers.get("retry-after")).toBe("60");
  }, 60_000);

  // 22 sign-ins: 2.1 s on the two-core machine under load, after up to 20 s for a fresh window.
  it("throttles many clients trying one account", async () => {
    // Up to 20 s waiting for a fresh window, then the requests.
    await freshLimiterWindow();
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) statuses.push((await login("target@qingxi.example", "x")).status);
    expect(statuses.filter((s) => s === 429).length).toBe(2);
  }, 60_000);

  it("keeps a title of its own for 423, though sign-in no longer sends it", async () => {
    const app = new Hono().get("/", () => {
      throw problem(423);
    });
    app.onError(handleError);
    const res = await app.request("/");
    expect(res.status).toBe(423);
    // 423 has a title of its own, not the generic "请求失败".
    expect(((await res.json()) as { title: string }).title).toBe("账号已锁定");
  });
});
