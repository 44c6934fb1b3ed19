import { Hono } from "hono";
import { ChangePasswordSchema, LoginSchema } from "../../../src/shared/staff/schemas";
import type { Me, SignedIn } from "../../../src/shared/staff/wire";
import {
  clearFailedPasswords,
  findStaffByEmail,
  findStaffById,
  insertSession,
  recordFailedPassword,
  revokeAllSessions,
  revokeSession,
  setPassword,
} from "../../db/staff/index";
import { findUnit } from "../../db/staff/units";
import type { AppEnv } from "../../env";
import { audit, clientAddress } from "../../lib/audit-context";
import { problem } from "../../lib/problem";
import { hashPassword, verifyPassword } from "../../lib/staff/password";
import { clearSessionCookie, SESSION_ABSOLUTE_MS, writeSessionCookie } from "../../lib/staff/session-cookie";
import { throttle } from "../../lib/throttle";
import { randomToken, sha256Hex } from "../../lib/tokens";
import { validate } from "../../lib/validate";
import { currentStaff } from "../../middleware/authorize";

const LOCK_AFTER_FAILURES = 10;
const LOCK_MS = 15 * 60 * 1000;
const WRONG = "邮箱或密码不正确。";
const TOO_MANY = "尝试次数过多，请一分钟后再试。";

const auth = new Hono<AppEnv>();

/** A new session: a fresh 256-bit token in the cookie, its hash in D1. Returns the statement. */
async function startSession(
  c: Parameters<typeof writeSessionCookie>[0],
  db: AppEnv["Variables"]["db"],
  userId: number,
) {
  const token = randomToken(32);
  const now = new Date();
  const statement = insertSession(db, {
    tokenHash: await sha256Hex(token),
    userId,
    now: now.toISOString(),
    expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS).toISOString(),
  });
  return { statement, setCookie: () => writeSessionCookie(c, token) };
}

auth.post("/login", validate("json", LoginSchema), async (c) => {
  const { email, password } = c.req.valid("json");
  const db = c.var.db;
  // By client and by account: one client trying many accounts, and many clients trying one.
  await throttle(c.var.platform.limiters.login, [`client:${clientAddress(c)}`, `account:${email}`], TOO_MANY);
  const user = await findStaffByEmail(db, email);
  const refused = (reason: string) =>
    audit(c, "auth.login_failed", email, { reason }, { actorId: user?.id ?? null, actorEmail: email });

  if (!user || user.disabledAt || !user.passwordHash) {
    await verifyPassword(password, null); // same time as a real check
    await refused(user ? "disabled_or_no_password" : "unknown_account").run();
    throw problem(401, { detail: WRONG });
  }
  if (user.isDemo && c.env.ENVIRONMENT === "production") {
    await refused("demo_account_in_production").run();
    throw problem(403, { detail: "演示账号不能在正式环境使用。" });
  }
  if (user.lockedUntil && Date.parse(user.lockedUntil) > Date.now()) {
    await refused("locked").run();
    const seconds = Math.ceil((Date.parse(user.lockedUntil) - Date.now()) / 1000);
    throw problem(423, {
      detail: "密码错误次数过多，账号已暂时锁定，请稍后再试。",
      headers: { "retry-after": String(seconds) },
    });
  }
  if (!(await verifyPassword(password, user.passwordHash))) {
    const lockedUntil = new Date(Date.now() + LOCK_MS).toISOString();
    const [counted] = await c.var.platform.batch.run([
      recordFailedPassword(db, user.id, LOCK_AFTER_FAILURES, lockedUntil),
      refused("wrong_password"),
    ]);
    if (Number(counted?.rows[0]?.failed_logins ?? 0) >= LOCK_AFTER_FAILURES) {
      throw problem(423, {
        detail: "密码错误次数过多，账号已锁定 15 分钟。",
        headers: { "retry-after": String(LOCK_MS / 1000) },
      });
    }
    throw problem(401, { detail: WRONG });
  }

  const session = await startSession(c, db, user.id);
  await c.var.platform.batch.run([
    session.statement,
    clearFailedPasswords(db, user.id),
    audit(c, "auth.login", email, undefined, { actorId: user.id, actorEmail: user.email }),
  ]);
  session.setCookie();
  return c.json<SignedIn>({
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    unitId: user.unitId,
    mustChangePassword: user.mustChangePassword,
  });
});

auth.post("/logout", async (c) => {
  const staff = currentStaff(c);
  const db = c.var.db;
  const now = new Date().toISOString();
  await c.var.platform.batch.run([
    revokeSession(db, staff.sessionHash ?? "", now),
    audit(c, "auth.logout", staff.email),
  ]);
  clearSessionCookie(c);
  return c.body(null, 204);
});

auth.get("/me", async (c) => {
  const { sessionHash: _hidden, ...staff } = currentStaff(c);
  const unit = staff.unitId ? await findUnit(c.var.db, staff.unitId).get() : undefined;
  return c.json<Me>({ ...staff, unitName: unit?.name ?? null });
});

auth.post("/password", validate("json", ChangePasswordSchema), async (c) => {
  const { currentPassword, newPassword } = c.req.valid("json");
  const staff = currentStaff(c);
  const db = c.var.db;
  const user = await findStaffById(db, staff.id);
  if (!user || !(await verifyPassword(currentPassword, user.passwordHash))) {
    await audit(c, "auth.password_change_failed", staff.email).run();
    throw problem(422, {
      detail: "当前密码不正确。",
      errors: [{ pointer: "#/currentPassword", detail: "当前密码不正确" }],
    });
  }
  const now = new Date().toISOString();
  // Every other session of the account ends; this browser gets a new one.
  const session = await startSession(c, db, staff.id);
  await c.var.platform.batch.run([
    setPassword(db, staff.id, await hashPassword(newPassword), now),
    revokeAllSessions(db, staff.id, now),
    session.statement,
    audit(c, "auth.password_changed", staff.email),
  ]);
  session.setCookie();
  return c.body(null, 204);
});

export default auth;
