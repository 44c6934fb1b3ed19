import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { staffSessions } from "../../../functions/db/schema";
import { sha256Hex } from "../../../functions/lib/tokens";
import { call, db, makeStaff, PASSWORD, sessionCookie, signIn } from "./factories";

const me = (cookie: string) => call("/api/staff/auth/me", { cookie });

describe("staff sessions", () => {
  it("sets a __Host- cookie that is Secure, HttpOnly, SameSite=Strict on Path=/ and stores only its hash", async () => {
    const user = await makeStaff("dispatcher");
    const res = await call("/api/staff/auth/login", {
      method: "POST",
      body: { email: user.email, password: PASSWORD },
    });
    expect(res.status).toBe(200);
    const set = res.headers.getSetCookie().find((c) => c.startsWith("__Host-staff_session=")) ?? "";
    expect(set).toMatch(/; Secure/i);
    expect(set).toMatch(/; HttpOnly/i);
    expect(set).toMatch(/; SameSite=Strict/i);
    expect(set).toMatch(/; Path=\//i);
    expect(set).not.toMatch(/Domain=/i);
    const token = sessionCookie(res).split("=")[1] ?? "";
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    const rows = await db().select().from(staffSessions).where(eq(staffSessions.userId, user.id)).all();
    expect(rows.map((r) => r.tokenHash)).toEqual([await sha256Hex(token)]);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(await (await me(sessionCookie(res))).json()).toMatchObject({
      email: user.email,
      role: "dispatcher",
      unitName: null,
    });
  });

  it("names the member's unit", async () => {
    const user = await makeStaff("unit_handler");
    const body = (await (await me(await signIn(user.email))).json()) as { unitId: string; unitName: string };
    expect(body.unitName).toBe(`测试单位 ${body.unitId}`);
  });

  it("issues a new token at every sign-in", async () => {
    const user = await makeStaff("viewer");
    expect(await signIn(user.email)).not.toBe(await signIn(user.email));
  });

  it("answers the same 401 for an unknown account and a wrong password", async () => {
    const user = await makeStaff("viewer");
    const wrong = await call("/api/staff/auth/login", {
      method: "POST",
      body: { email: user.email, password: "nope-nope-nope" },
    });
    const unknown = await call("/api/staff/auth/login", {
      method: "POST",
      body: { email: "ghost@qingxi.example", password: "x" },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const detail = async (r: Response) => ((await r.json()) as { detail: string }).detail;
    expect(await detail(wrong)).toBe(await detail(unknown));
  });

  it("ends a session at logout: the old cookie answers 401", async () => {
    const user = await makeStaff("viewer");
    const cookie = await signIn(user.email);
    expect((await call("/api/staff/auth/logout", { method: "POST", body: {}, cookie })).status).toBe(204);
    expect((await me(cookie)).status).toBe(401);
  });

  it("ends every session at a password change and signs the changer in afresh", async () => {
    const user = await makeStaff("dispatcher");
    const other = await signIn(user.email);
    const cookie = await signIn(user.email);
    const res = await call("/api/staff/auth/password", {
      method: "POST",
      cookie,
      body: { currentPassword: PASSWORD, newPassword: "a much longer new passphrase" },
    });
    expect(res.status).toBe(204);
    expect((await me(cookie)).status).toBe(401);
    expect((await me(other)).status).toBe(401);
    expect((await me(sessionCookie(res))).status).toBe(200);
    expect(
      (await call("/api/staff/auth/login", { method: "POST", body: { email: user.email, password: PASSWORD } })).status,
    ).toBe(401);
    await signIn(user.email, "a much longer new passphrase");
  });

  it("ends sessions when an admin disables the account", async () => {
    const admin = await makeStaff("admin");
    const user = await makeStaff("viewer");
    const cookie = await signIn(user.email);
    const res = await call(`/api/staff/accounts/${user.id}`, {
      method: "PATCH",
      cookie: await signIn(admin.email),
      body: { disabled: true },
    });
    expect(res.status).toBe(200);
    expect((await me(cookie)).status).toBe(401);
    expect(
      (await call("/api/staff/auth/login", { method: "POST", body: { email: user.email, password: PASSWORD } })).status,
    ).toBe(401);
  });

  it("expires a session idle for 30 minutes, and one past its 12-hour limit", async () => {
    const user = await makeStaff("viewer");
    const idle = await signIn(user.email);
    const old = await signIn(user.email);
    const hashOf = async (cookie: string) => sha256Hex(cookie.split("=")[1] ?? "");
    const past = (ms: number) => new Date(Date.now() - ms).toISOString();
    await db()
      .update(staffSessions)
      .set({ lastSeenAt: past(31 * 60_000) })
      .where(eq(staffSessions.tokenHash, await hashOf(idle)));
    await db()
      .update(staffSessions)
      .set({ expiresAt: past(1000) })
      .where(eq(staffSessions.tokenHash, await hashOf(old)));
    expect((await me(idle)).status).toBe(401);
    expect((await me(old)).status).toBe(401);
  });

  it("makes a first-sign-in password be changed before anything else", async () => {
    const admin = await makeStaff("admin", { mustChangePassword: true });
    const cookie = await signIn(admin.email);
    expect((await call("/api/staff/accounts", { cookie })).status).toBe(403);
    expect((await me(cookie)).status).toBe(200);
  });

  it("refuses the seed's demo accounts in production", async () => {
    const demo = await makeStaff("admin", { isDemo: true });
    const { app } = await import("../../../functions/app");
    const res = await app.request(
      "/api/staff/auth/login",
      {
        method: "POST",
        headers: { "content-type": "application/json", origin: "http://localhost", "cf-connecting-ip": "203.0.113.9" },
        body: JSON.stringify({ email: demo.email, password: PASSWORD }),
      },
      { ...env, ENVIRONMENT: "production" },
    );
    expect(res.status).toBe(403);
  });
});
