import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { GUARDIAN_NAME_MISSING } from "../../../src/shared/sweeps/schemas";
import type { SignupResult } from "../../../src/shared/sweeps/wire";
import { makeSweep, newKey, newPhone, rowCounts, signUp, signUpOk, statuses, validSignup } from "./factories";

type Problem = { status: number; detail?: string; errors?: { pointer: string; detail: string }[] };

describe("signing up for a sweep", () => {
  it("confirms while places are free, with a manage secret stored only hashed", async () => {
    const s = await makeSweep({ capacity: 2 });
    const res = await signUp(s.id, validSignup());
    expect(res.status).toBe(201);
    const body = (await res.json()) as SignupResult;
    expect(body).toMatchObject({ sweepId: s.id, status: "confirmed", position: null });
    expect(body.manageToken).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(body.managePath).toBe(`/volunteer/manage/#t=${body.manageToken}`);
    const row = await env.DB.prepare("SELECT * FROM sweep_signups WHERE sweep_id = ?").bind(s.id).first();
    expect(JSON.stringify(row)).not.toContain(body.manageToken);
    const msg = await env.DB.prepare("SELECT kind FROM sweep_messages WHERE signup_id = ?").bind(row?.id).all();
    expect(msg.results).toEqual([{ kind: "confirmed" }]);
  });

  it("40 concurrent sign-ups for 10 places: exactly 10 confirmed, 30 waitlisted at positions 1..30", async () => {
    const s = await makeSweep({ capacity: 10, waitlistLimit: 100 });
    const answers = await Promise.all(
      Array.from({ length: 40 }, () =>
        signUp(s.id, validSignup()).then(async (r) => ({ status: r.status, body: (await r.json()) as SignupResult })),
      ),
    );
    expect(answers.every((a) => a.status === 201)).toBe(true);
    expect(answers.filter((a) => a.body.status === "confirmed")).toHaveLength(10);
    const positions = answers.filter((a) => a.body.status === "waitlisted").map((a) => a.body.position);
    expect(positions.sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    const rows = await statuses(s.id);
    expect(rows.filter((r) => r.status === "confirmed")).toHaveLength(10);
    // Arrival order: every confirmed row came before every waitlisted one.
    const lastConfirmed = Math.max(...rows.filter((r) => r.status === "confirmed").map((r) => r.id));
    expect(rows.filter((r) => r.status === "waitlisted").every((r) => r.id > lastConfirmed)).toBe(true);
  });

  it("refuses a direct SQL insert beyond the capacity (the trigger, not the Worker, holds it)", async () => {
    const s = await makeSweep({ capacity: 1 });
    await signUpOk(s.id);
    const insert = env.DB.prepare(
      `INSERT INTO sweep_signups (sweep_id, manage_hash, person_key, name, phone, organisation, birth_month, status, created_at, updated_at)
       VALUES (?, 'h-direct', 'p-direct', 'x', '13900000000', 'x', '2000-01', 'confirmed', ?, ?)`,
    ).bind(s.id, new Date().toISOString(), new Date().toISOString());
    await expect(insert.run()).rejects.toThrow(/sweep_full/);
    const offered = env.DB.prepare(
      "UPDATE sweep_signups SET status = 'offered' WHERE sweep_id = ? AND status = 'confirmed'",
    ).bind(s.id);
    await offered.run(); // confirmed → offered keeps the count: allowed
    expect((await statuses(s.id)).map((r) => r.status)).toEqual(["offered"]);
  });

  it("answers a full sweep with a full waitlist 409, never an overbooking", async () => {
    const s = await makeSweep({ capacity: 1, waitlistLimit: 1 });
    await signUpOk(s.id);
    expect((await signUpOk(s.id)).status).toBe("waitlisted");
    const before = await rowCounts();
    const res = await signUp(s.id, validSignup());
    expect(res.status).toBe(409);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(await rowCounts()).toEqual(before);
  });

  it("takes one sign-up per person per sweep (the same phone, however typed)", async () => {
    const s = await makeSweep();
    const phone = newPhone();
    await signUpOk(s.id, { phone });
    const spaced = `+86 ${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`;
    const res = await signUp(s.id, validSignup({ phone: spaced, name: "另一个名字" }));
    expect(res.status).toBe(409);
    expect(((await res.json()) as Problem).detail).toContain("每人每场只能报名一次");
    expect(await statuses(s.id)).toHaveLength(1);
  });

  it("refuses a second sweep that overlaps the first in time, and takes one that does not", async () => {
    const a = await makeSweep({ inHours: 48, hours: 3 });
    const b = await makeSweep({ inHours: 50, hours: 3 });
    const c = await makeSweep({ inHours: 60, hours: 2 });
    const phone = newPhone();
    await signUpOk(a.id, { phone });
    const res = await signUp(b.id, validSignup({ phone }));
    expect(res.status).toBe(409);
    expect(((await res.json()) as Problem).detail).toContain("同一时间");
    expect(await statuses(b.id)).toHaveLength(0);
    expect((await signUpOk(c.id, { phone })).status).toBe("confirmed");
  });

  it("replays the first answer to a retry with the same Idempotency-Key, and refuses the key for another body", async () => {
    const s = await makeSweep();
    const body = validSignup();
    const key = newKey();
    const first = await signUp(s.id, body, { key });
    const firstBody = (await first.json()) as SignupResult;
    const retry = await signUp(s.id, body, { key });
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(await retry.json()).toEqual(firstBody);
    const other = await signUp(s.id, validSignup(), { key });
    expect(other.status).toBe(422);
    expect(await statuses(s.id)).toHaveLength(1);
  });

  it("turns 20 concurrent retries of one sign-up into one row", async () => {
    const s = await makeSweep();
    const body = validSignup();
    const key = newKey();
    const answers = await Promise.all(Array.from({ length: 20 }, () => signUp(s.id, body, { key })));
    expect(answers.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    expect(answers.some((r) => r.status === 201)).toBe(true);
    expect(await statuses(s.id)).toHaveLength(1);
  });

  it("asks a minor for the guardian's name and phone with 422 at those fields, writing nothing", async () => {
    const s = await makeSweep({ minAge: 14 });
    const before = await rowCounts();
    const year = new Date().getUTCFullYear() - 16;
    const res = await signUp(s.id, validSignup({ birthMonth: `${year}-01` }));
    expect(res.status).toBe(422);
    const p = (await res.json()) as Problem;
    expect(p.errors?.map((e) => e.pointer)).toEqual(["#/guardianName", "#/guardianPhone"]);
    expect(p.errors?.[0]?.detail).toBe(GUARDIAN_NAME_MISSING);
    expect(await rowCounts()).toEqual(before);
  });

  it("counts the age on the sweep's day, and a birth month equal to it as not yet a birthday", async () => {
    const s = await makeSweep({ minAge: 16, inHours: 72 });
    const day = new Date(s.startsAt);
    const sameMonth = `${day.getUTCFullYear() - 18}-${String(day.getUTCMonth() + 1).padStart(2, "0")}`;
    const res = await signUp(s.id, validSignup({ birthMonth: sameMonth }));
    expect(res.status).toBe(422);
    expect(((await res.json()) as Problem).errors?.[0]?.pointer).toBe("#/guardianName");
  });

  it("refuses below the sweep's own minimum age", async () => {
    const s = await makeSweep({ minAge: 25 });
    const year = new Date().getUTCFullYear() - 20;
    const res = await signUp(s.id, validSignup({ birthMonth: `${year}-01` }));
    expect(res.status).toBe(422);
    expect(((await res.json()) as Problem).detail).toContain("年满 25 周岁");
  });

  it("answers invalid fields with Chinese 422 problems at their pointers, writing nothing", async () => {
    const s = await makeSweep();
    const before = await rowCounts();
    const res = await signUp(s.id, {
      name: "",
      phone: "12345",
      organisation: "x",
      birthMonth: "2000-13",
      consent: false,
    });
    expect(res.status).toBe(422);
    const p = (await res.json()) as Problem;
    const pointers = p.errors?.map((e) => e.pointer) ?? [];
    expect(pointers).toEqual(
      expect.arrayContaining(["#/name", "#/phone", "#/organisation", "#/birthMonth", "#/consent"]),
    );
    expect(p.errors?.every((e) => /[\u4e00-\u9fff]/.test(e.detail))).toBe(true);
    expect(await rowCounts()).toEqual(before);
  });

  it("stores names without control characters or bidi overrides", async () => {
    const s = await makeSweep();
    await signUpOk(s.id, { name: "王\u202e小\u0000明" });
    const row = await env.DB.prepare("SELECT name FROM sweep_signups WHERE sweep_id = ?")
      .bind(s.id)
      .first<{ name: string }>();
    expect(row?.name).toBe("王小明");
  });

  it("answers an unknown, a draft and a cancelled sweep without a sign-up", async () => {
    const draft = await makeSweep({ state: "draft" });
    const cancelled = await makeSweep({ state: "cancelled" });
    expect((await signUp("zzzzzzzzzz", validSignup())).status).toBe(404);
    expect((await signUp(draft.id, validSignup())).status).toBe(404);
    expect((await signUp(cancelled.id, validSignup())).status).toBe(409);
    expect((await signUp("nope", validSignup())).status).toBe(422);
  });

  it("asks for an Idempotency-Key", async () => {
    const s = await makeSweep();
    const res = await signUp(s.id, validSignup(), { key: "" });
    expect(res.status).toBe(422);
  });
});
