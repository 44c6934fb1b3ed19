import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { STAFF_ROUTE_PERMISSIONS } from "../../../functions/routes/staff/route-permissions";
import type { Role } from "../../../src/shared/staff/roles";
import type { CreatedSweeps, Roster, StaffSweepResult } from "../../../src/shared/sweeps/wire";
import { addDays, chinaDay } from "../../../src/shared/time";
import { call, makeStaff, signIn } from "../staff/factories";
import { makeSweep, signUpOk, staffPlace, staffSweepFields } from "./factories";

const asRole = async (role: Role) => signIn((await makeStaff(role)).email);
const places = [staffPlace(0), staffPlace(1)];

function series(over: Record<string, unknown> = {}) {
  return { ...staffSweepFields(), firstDay: addDays(chinaDay(), 3), weeks: 3, places, ...over };
}

const auditCount = async (action: string) =>
  (await env.DB.prepare("SELECT count(*) AS n FROM audit_log WHERE action = ?").bind(action).first<{ n: number }>())
    ?.n ?? 0;

describe("planning sweeps", () => {
  it("lists every sweeps route in the permission table for coordinators and admins", () => {
    // The planning routes; the sub-features (roster CSV, hours, certificates, …) list their own.
    const keys = [
      "GET /api/staff/sweeps",
      "POST /api/staff/sweeps",
      "PATCH /api/staff/sweeps/:id",
      "POST /api/staff/sweeps/:id/cancel",
      "GET /api/staff/sweeps/:id/signups",
    ];
    expect(keys.every((k) => STAFF_ROUTE_PERMISSIONS[k] === "sweeps:manage")).toBe(true);
  });

  it("creates a weekly series in every place given, in one action with one audit row", async () => {
    const cookie = await asRole("volunteer_coordinator");
    const before = await auditCount("sweep.created");
    const res = await call("/api/staff/sweeps", { method: "POST", cookie, body: series() });
    expect(res.status).toBe(201);
    const { sweeps } = (await res.json()) as CreatedSweeps;
    expect(sweeps).toHaveLength(6);
    const starts = [...new Set(sweeps.map((s) => s.startsAt))].sort();
    expect(starts).toHaveLength(3);
    expect(Date.parse(starts[1] ?? "") - Date.parse(starts[0] ?? "")).toBe(7 * 86_400_000);
    // 08:30 China time is 00:30 UTC.
    expect(starts[0]).toMatch(/T00:30:00\.000Z$/);
    expect(sweeps.every((s) => s.state === "open" && s.version === 1)).toBe(true);
    expect(await auditCount("sweep.created")).toBe(before + 1);
  });

  it("refuses to open a sweep without an insurance reference (422 at the field), writing nothing", async () => {
    const cookie = await asRole("admin");
    const n = async () => (await env.DB.prepare("SELECT count(*) AS n FROM sweeps").first<{ n: number }>())?.n;
    const before = await n();
    const res = await call("/api/staff/sweeps", { method: "POST", cookie, body: series({ insuranceRef: "" }) });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { errors: { pointer: string }[] };
    expect(body.errors.map((e) => e.pointer)).toContain("#/insuranceRef");
    expect(await n()).toBe(before);
    // As a draft it may wait for its insurance.
    const draft = await call("/api/staff/sweeps", {
      method: "POST",
      cookie,
      body: series({ insuranceRef: "", open: false, weeks: 1 }),
    });
    expect(draft.status).toBe(201);
  });

  it("refuses a series that starts in the past or ends before it begins", async () => {
    const cookie = await asRole("volunteer_coordinator");
    expect(
      (await call("/api/staff/sweeps", { method: "POST", cookie, body: series({ firstDay: "2020-01-04" }) })).status,
    ).toBe(422);
    expect(
      (await call("/api/staff/sweeps", { method: "POST", cookie, body: series({ endTime: "08:00" }) })).status,
    ).toBe(422);
  });

  it("changes a sweep with the version seen; a stale version gets 409; the people signed up are told of a new time", async () => {
    const cookie = await asRole("volunteer_coordinator");
    const created = (await (
      await call("/api/staff/sweeps", {
        method: "POST",
        cookie,
        body: series({ weeks: 1, places: places.slice(0, 1) }),
      })
    ).json()) as CreatedSweeps;
    const s = created.sweeps[0];
    if (!s) throw new Error("no sweep");
    const person = await signUpOk(s.id);
    const edit = { ...series(), ...places[0], day: addDays(chinaDay(), 4), version: 1 };
    const res = await call(`/api/staff/sweeps/${s.id}`, { method: "PATCH", cookie, body: edit });
    expect(res.status).toBe(200);
    const result = (await res.json()) as StaffSweepResult;
    expect(result.sweep.version).toBe(2);
    expect(result.messaged).toBe(1);
    const stale = await call(`/api/staff/sweeps/${s.id}`, { method: "PATCH", cookie, body: edit });
    expect(stale.status).toBe(409);
    const kinds = await env.DB.prepare(
      "SELECT m.kind FROM sweep_messages m JOIN sweep_signups s ON s.id = m.signup_id WHERE s.sweep_id = ? ORDER BY m.id",
    )
      .bind(s.id)
      .all<{ kind: string }>();
    expect(kinds.results.map((k) => k.kind)).toEqual(["confirmed", "sweep_changed"]);
    expect(person.status).toBe("confirmed");
    // Capacity below the places taken is refused by the database, and the edit writes nothing.
    await signUpOk(s.id);
    const tooSmall = await call(`/api/staff/sweeps/${s.id}`, {
      method: "PATCH",
      cookie,
      body: { ...edit, version: 2, capacity: 1 },
    });
    expect(tooSmall.status).toBe(409);
    expect(((await tooSmall.json()) as { detail: string }).detail).toContain("名额不能少于");
    const row = await env.DB.prepare("SELECT capacity, version FROM sweeps WHERE id = ?").bind(s.id).first();
    expect(row).toEqual({ capacity: 20, version: 2 });
  });

  it("offers added places to the people waiting, in the edit's batch", async () => {
    const cookie = await asRole("volunteer_coordinator");
    const created = (await (
      await call("/api/staff/sweeps", {
        method: "POST",
        cookie,
        body: series({ weeks: 1, places: places.slice(0, 1), capacity: 1 }),
      })
    ).json()) as CreatedSweeps;
    const s = created.sweeps[0];
    if (!s) throw new Error("no sweep");
    await signUpOk(s.id);
    const waiting = await signUpOk(s.id);
    expect(waiting.status).toBe("waitlisted");
    const edit = { ...series({ capacity: 2 }), ...places[0], day: chinaDay(new Date(s.startsAt)), version: 1 };
    expect((await call(`/api/staff/sweeps/${s.id}`, { method: "PATCH", cookie, body: edit })).status).toBe(200);
    const row = await env.DB.prepare("SELECT status FROM sweep_signups WHERE sweep_id = ? ORDER BY id DESC")
      .bind(s.id)
      .first();
    expect(row).toEqual({ status: "offered" });
  });

  it("cancels a sweep and tells everyone signed up, in one batch with its audit row", async () => {
    const cookie = await asRole("volunteer_coordinator");
    const s = await makeSweep({ capacity: 1 });
    await signUpOk(s.id);
    await signUpOk(s.id);
    const res = await call(`/api/staff/sweeps/${s.id}/cancel`, {
      method: "POST",
      cookie,
      body: { version: 1, reason: "暴雨预警" },
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as StaffSweepResult).messaged).toBe(2);
    const n = await env.DB.prepare(
      "SELECT count(*) AS n FROM sweep_messages m JOIN sweep_signups s ON s.id = m.signup_id WHERE s.sweep_id = ? AND m.kind = 'sweep_cancelled'",
    )
      .bind(s.id)
      .first<{ n: number }>();
    expect(n?.n).toBe(2);
    expect(
      (await call(`/api/staff/sweeps/${s.id}/cancel`, { method: "POST", cookie, body: { version: 2, reason: "再次" } }))
        .status,
    ).toBe(409);
  });

  it("shows the roster masked unless contacts are asked for, and audits every look", async () => {
    const cookie = await asRole("volunteer_coordinator");
    const s = await makeSweep({ capacity: 1 });
    await signUpOk(s.id, { name: "钱多多", phone: "13811112222" });
    await signUpOk(s.id);
    const before = await auditCount("sweep.roster_viewed");
    const masked = (await (await call(`/api/staff/sweeps/${s.id}/signups`, { cookie })).json()) as Roster;
    expect(masked.contactsShown).toBe(false);
    expect(masked.signups[0]).toMatchObject({ name: "钱**", phone: "138****2222", status: "confirmed" });
    expect(masked.signups[1]).toMatchObject({ status: "waitlisted", position: 1 });
    const full = (await (await call(`/api/staff/sweeps/${s.id}/signups?contacts=1`, { cookie })).json()) as Roster;
    expect(full.signups[0]).toMatchObject({ name: "钱多多", phone: "13811112222" });
    expect(await auditCount("sweep.roster_viewed")).toBe(before + 2);
  });
});
