import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { IssuedKey, Open311Key } from "../../../src/shared/open311/keys";
import { call, makeStaff, signIn } from "../staff/factories";

const KEYS = "/api/staff/open311/keys";

async function admin() {
  const account = await makeStaff("admin");
  return { account, cookie: await signIn(account.email) };
}

async function issue(cookie: string, holder = "青溪随手拍 App") {
  const res = await call(KEYS, { method: "POST", cookie, body: { holder } });
  expect(res.status).toBe(201);
  return (await res.json()) as IssuedKey;
}

const auditRows = (target: string) =>
  env.DB.prepare("SELECT action, actor_email AS actorEmail, detail FROM audit_log WHERE target = ? ORDER BY id")
    .bind(target)
    .all<{ action: string; actorEmail: string; detail: string }>()
    .then((r) => r.results);

describe("Open311 API keys in the staff API", () => {
  it("issues a key shown once, stores only its SHA-256, and audits the issue", async () => {
    const { account, cookie } = await admin();
    const { key, apiKey } = await issue(cookie);
    expect(apiKey).toMatch(/^o311_[A-Za-z0-9_-]{32}$/);
    expect(key).toMatchObject({ holder: "青溪随手拍 App", prefix: apiKey.slice(0, 11), createdBy: account.email });
    expect(key.revokedAt).toBeNull();
    expect(key.lastUsedAt).toBeNull();
    const row = await env.DB.prepare("SELECT * FROM open311_api_keys WHERE id = ?").bind(key.id).first();
    const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(apiKey));
    const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
    expect(row?.key_hash).toBe(hex);
    // Nowhere in the row, nor in any key row, nor in the audit log is the key itself.
    const all = JSON.stringify(await env.DB.prepare("SELECT * FROM open311_api_keys").all());
    expect(all).not.toContain(apiKey);
    expect(JSON.stringify(await env.DB.prepare("SELECT * FROM audit_log").all())).not.toContain(apiKey);
    expect(await auditRows(key.prefix)).toEqual([
      { action: "open311.key_issued", actorEmail: account.email, detail: JSON.stringify({ holder: "青溪随手拍 App" }) },
    ]);
  });

  it("lists keys newest first without the key or its hash", async () => {
    const { cookie } = await admin();
    const first = await issue(cookie, "第一家");
    const second = await issue(cookie, "第二家");
    const res = await call(KEYS, { cookie });
    expect(res.status).toBe(200);
    const list = (await res.json()) as Open311Key[];
    expect(list.map((k) => k.id).indexOf(second.key.id)).toBeLessThan(list.map((k) => k.id).indexOf(first.key.id));
    expect(Object.keys(list[0] ?? {}).sort()).toEqual(
      ["createdAt", "createdBy", "holder", "id", "lastUsedAt", "prefix", "revokedAt", "revokedBy"].sort(),
    );
    expect(JSON.stringify(list)).not.toContain(first.apiKey);
  });

  it("revokes a key once, audited; a second revocation is 409 and writes nothing", async () => {
    const { account, cookie } = await admin();
    const { key } = await issue(cookie);
    const res = await call(`${KEYS}/${key.id}/revoke`, { method: "POST", cookie, body: {} });
    expect(res.status).toBe(200);
    const revoked = (await res.json()) as Open311Key;
    expect(revoked.revokedBy).toBe(account.email);
    expect(revoked.revokedAt).not.toBeNull();
    const again = await call(`${KEYS}/${key.id}/revoke`, { method: "POST", cookie, body: {} });
    expect(again.status).toBe(409);
    expect((await auditRows(key.prefix)).map((r) => r.action)).toEqual(["open311.key_issued", "open311.key_revoked"]);
  });

  it("answers 404 for a key that does not exist, and 422 for a holder missing", async () => {
    const { cookie } = await admin();
    expect((await call(`${KEYS}/999999/revoke`, { method: "POST", cookie, body: {} })).status).toBe(404);
    const before = await env.DB.prepare("SELECT count(*) AS n FROM open311_api_keys").first<{ n: number }>();
    expect((await call(KEYS, { method: "POST", cookie, body: { holder: " " } })).status).toBe(422);
    const after = await env.DB.prepare("SELECT count(*) AS n FROM open311_api_keys").first<{ n: number }>();
    expect(after?.n).toBe(before?.n);
  });

  it("is for admins only", async () => {
    const cookie = await signIn((await makeStaff("dispatcher")).email);
    expect((await call(KEYS, { cookie })).status).toBe(403);
    expect((await call(KEYS, { method: "POST", cookie, body: { holder: "调度员的 App" } })).status).toBe(403);
  });
});
