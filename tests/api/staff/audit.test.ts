import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { AuditEntry, AuditPage } from "../../../src/shared/staff/wire";
import { call, makeStaff, signIn } from "./factories";

async function auditFor(adminCookie: string, query: string): Promise<AuditEntry[]> {
  const res = await call(`/api/staff/audit?${query}`, { cookie: adminCookie });
  expect(res.status).toBe(200);
  return ((await res.json()) as AuditPage).entries;
}

describe("the audit log", () => {
  it("records sign-in, failed sign-in, account changes and sign-out with who, what, target and address", async () => {
    const admin = await makeStaff("admin");
    const adminCookie = await signIn(admin.email);
    const viewer = await makeStaff("viewer");
    await call("/api/staff/auth/login", {
      method: "POST",
      body: { email: viewer.email, password: "wrong-pass" },
      ip: "203.0.113.7",
    });
    const cookie = await signIn(viewer.email);
    await call(`/api/staff/accounts/${viewer.id}`, {
      method: "PATCH",
      cookie: adminCookie,
      body: { role: "dispatcher" },
    });
    await call("/api/staff/auth/logout", { method: "POST", body: {}, cookie });

    const forViewer = await auditFor(adminCookie, `actor=${encodeURIComponent(viewer.email)}`);
    expect(forViewer.map((e) => e.action)).toEqual(["auth.logout", "auth.login", "auth.login_failed"]);
    expect(forViewer.find((e) => e.action === "auth.login_failed")?.clientIp).toBe("203.0.113.7");
    const byAdmin = await auditFor(adminCookie, `actor=${encodeURIComponent(admin.email)}&action=staff.updated`);
    expect(byAdmin).toHaveLength(1);
    expect(byAdmin[0]).toMatchObject({ target: viewer.email, actorEmail: admin.email });
    expect(byAdmin[0]?.requestId).toMatch(/^[\w-]{8,}$/);
  });

  it("refuses UPDATE and DELETE in the database itself", async () => {
    await env.DB.prepare("INSERT INTO audit_log (action, target) VALUES ('test.append', 'x')").run();
    await expect(env.DB.prepare("UPDATE audit_log SET action = 'rewritten'").run()).rejects.toThrow(/append-only/);
    await expect(env.DB.prepare("DELETE FROM audit_log").run()).rejects.toThrow(/append-only/);
    const row = await env.DB.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'test.append'").first<{
      n: number;
    }>();
    expect(row?.n).toBe(1);
  });

  it("writes an account change and its audit row together or not at all", async () => {
    const admin = await makeStaff("admin");
    const adminCookie = await signIn(admin.email);
    const before = await env.DB.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'staff.created'").first<{
      n: number;
    }>();
    const res = await call("/api/staff/accounts", {
      method: "POST",
      cookie: adminCookie,
      body: { email: "handler-no-unit@qingxi.example", displayName: "无单位", role: "unit_handler" },
    });
    expect(res.status).toBe(422);
    const after = await env.DB.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'staff.created'").first<{
      n: number;
    }>();
    expect(after?.n).toBe(before?.n);
    const account = await env.DB.prepare(
      "SELECT id FROM staff_users WHERE email = 'handler-no-unit@qingxi.example'",
    ).first();
    expect(account).toBeNull();
  });
});

describe("the audit log's date filter", () => {
  it("reads dates as China-time days", async () => {
    const admin = await makeStaff("admin");
    const cookie = await signIn(admin.email);
    // 2026-03-01 23:30 UTC is already 2 March in China.
    await env.DB.prepare(
      "INSERT INTO audit_log (at, action, target) VALUES ('2026-03-01T23:30:00.000Z', 'test.boundary', 'x')",
    ).run();
    expect(await auditFor(cookie, "action=test.boundary&from=2026-03-02&to=2026-03-02")).toHaveLength(1);
    expect(await auditFor(cookie, "action=test.boundary&from=2026-03-01&to=2026-03-01")).toHaveLength(0);
  });
});
