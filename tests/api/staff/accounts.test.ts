import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { call, makeStaff, makeUnit, signIn } from "./factories";

async function unitOf(id: number): Promise<string | null> {
  const row = await env.DB.prepare("SELECT unit_id AS unitId FROM staff_users WHERE id = ?")
    .bind(id)
    .first<{ unitId: string | null }>();
  return row?.unitId ?? null;
}

async function pointers(res: Response): Promise<string[]> {
  const body = (await res.json()) as { errors?: { pointer: string }[] };
  return (body.errors ?? []).map((e) => e.pointer);
}

describe("a unit-free role holds no unit", () => {
  it("refuses a unit for a unit-free role when an account is created, pointing at the field", async () => {
    const cookie = await signIn((await makeStaff("admin")).email);
    const unitId = await makeUnit("squad");
    const res = await call("/api/staff/accounts", {
      method: "POST",
      cookie,
      body: { email: "viewer-with-unit@qingxi.example", displayName: "统计员", role: "viewer", unitId },
    });
    expect(res.status).toBe(422);
    expect(await pointers(res)).toEqual(["#/unitId"]);
    const stored = await env.DB.prepare(
      "SELECT id FROM staff_users WHERE email = 'viewer-with-unit@qingxi.example'",
    ).first();
    expect(stored).toBeNull();
  });

  it("refuses a PATCH that gives a unit-free role a unit, and writes nothing", async () => {
    const cookie = await signIn((await makeStaff("admin")).email);
    const viewer = await makeStaff("viewer");
    const unitId = await makeUnit("squad");
    const audits = async () =>
      (
        await env.DB.prepare("SELECT count(*) AS n FROM audit_log WHERE target = ?").bind(viewer.email).first<{
          n: number;
        }>()
      )?.n;
    const before = await audits();

    const onlyUnit = await call(`/api/staff/accounts/${viewer.id}`, { method: "PATCH", cookie, body: { unitId } });
    expect(onlyUnit.status).toBe(422);
    expect(await pointers(onlyUnit)).toEqual(["#/unitId"]);

    const handler = await makeStaff("unit_handler");
    const demoted = await call(`/api/staff/accounts/${handler.id}`, {
      method: "PATCH",
      cookie,
      body: { role: "viewer", unitId: handler.unitId },
    });
    expect(demoted.status).toBe(422);
    expect(await pointers(demoted)).toEqual(["#/unitId"]);
    expect(await unitOf(viewer.id)).toBeNull();
    expect(await unitOf(handler.id)).toBe(handler.unitId);
    expect(await audits()).toBe(before);
  });

  it("clears the unit when a unit-bound account becomes a unit-free role", async () => {
    const cookie = await signIn((await makeStaff("admin")).email);
    const handler = await makeStaff("unit_handler");
    const res = await call(`/api/staff/accounts/${handler.id}`, { method: "PATCH", cookie, body: { role: "viewer" } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { unitId: string | null }).unitId).toBeNull();
    expect(await unitOf(handler.id)).toBeNull();
  });

  it("lets a dispatcher belong to the command centre, and a unit handler change unit", async () => {
    const cookie = await signIn((await makeStaff("admin")).email);
    const centre = await makeUnit("command_center");
    const created = await call("/api/staff/accounts", {
      method: "POST",
      cookie,
      body: { email: "dispatcher-in-centre@qingxi.example", displayName: "调度员", role: "dispatcher", unitId: centre },
    });
    expect(created.status).toBe(201);
    const handler = await makeStaff("unit_handler");
    const other = await makeUnit("squad");
    const moved = await call(`/api/staff/accounts/${handler.id}`, { method: "PATCH", cookie, body: { unitId: other } });
    expect(moved.status).toBe(200);
    expect(await unitOf(handler.id)).toBe(other);
  });
});
