import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { staffUsers } from "../../../functions/db/schema";
import { call, db, makeStaff, newClientIp, PASSWORD } from "./factories";

const login = (email: string, password: string, ip = newClientIp()) =>
  call("/api/staff/auth/login", { method: "POST", body: { email, password }, ip });

describe("login throttling and lockout", () => {
  it("locks an account for 15 minutes after 10 wrong passwords, even for the right one", async () => {
    const user = await makeStaff("dispatcher");
    for (let i = 1; i <= 9; i++) expect((await login(user.email, `wrong-${i}`)).status).toBe(401);
    const tenth = await login(user.email, "wrong-10");
    expect(tenth.status).toBe(423);
    expect(Number(tenth.headers.get("retry-after"))).toBe(900);
    const right = await login(user.email, PASSWORD);
    expect(right.status).toBe(423);
    // 423 has a title of its own, not the generic "请求失败".
    expect(((await right.json()) as { title: string }).title).toBe("账号已锁定");
    const row = await db().select().from(staffUsers).where(eq(staffUsers.id, user.id)).get();
    const minutes = (Date.parse(row?.lockedUntil ?? "") - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);
  });

  it("opens again when the lock has passed, and a success resets the count", async () => {
    const user = await makeStaff("viewer", {
      failedLogins: 10,
      lockedUntil: new Date(Date.now() - 1000).toISOString(),
    });
    expect((await login(user.email, PASSWORD)).status).toBe(200);
    const row = await db().select().from(staffUsers).where(eq(staffUsers.id, user.id)).get();
    expect(row).toMatchObject({ failedLogins: 0, lockedUntil: null });
  });

  // Six sign-ins at once, each a PBKDF2 hash: 0.5 s on the two-core machine under load; 30 s leaves room.
  it("counts parallel wrong guesses without losing any", async () => {
    const user = await makeStaff("viewer");
    await Promise.all(Array.from({ length: 6 }, (_, i) => login(user.email, `parallel-${i}`)));
    const row = await db().select().from(staffUsers).where(eq(staffUsers.id, user.id)).get();
    expect(row?.failedLogins).toBe(6);
  }, 30_000);

  // 26 sign-ins: 1.9 s on the two-core machine under load; 30 s leaves room.
  it("throttles one client trying many accounts with 429 and Retry-After", async () => {
    const ip = newClientIp();
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push((await login(`nobody-${i}@qingxi.example`, "x", ip)).status);
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429, 429, 429, 429]);
    const res = await login("nobody@qingxi.example", "x", ip);
    expect(res.headers.get("retry-after")).toBe("60");
  }, 30_000);

  // 22 sign-ins: 2.1 s on the two-core machine under load; 30 s leaves room.
  it("throttles many clients trying one account", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) statuses.push((await login("target@qingxi.example", "x")).status);
    expect(statuses.filter((s) => s === 429).length).toBe(2);
  }, 30_000);
});
