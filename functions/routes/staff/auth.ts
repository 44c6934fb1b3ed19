import { Hono } from "hono";
import { ChangePasswordSchema, LoginSchema } from "../../../src/shared/staff/schemas";
import type { Me, SignedIn } from "../../../src/shared/staff/wire";
import { findStaffById, insertSession, revokeAllSessions, revokeSession, setPassword } from "../../db/staff/index";
import { signInState } from "../../db/staff/sign-in";
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

/** Failures from one client for one email, since its last success there, that shut that client out… */
const LOCK_AFTER_FAILURES = 10;
/** …for this long after the latest of them. */
const LOCK_MS = 15 * 60 * 1000;
// The one answer for an unknown email, a wrong password, a disabled account and a locked-out client.
const WRONG = "邮箱或密码不正确。同一网络连续输错 10 次后，需等 15 分钟再试。";
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

/**
 * Sign-in. An unknown email, a wrong password, a disabled account and a client shut out of the
 * account get the same 401, byte for byte, after the same work (one PBKDF2 hash, one read, one audit
 * row), so the answer tells no one which emails exist. Ten failures lock only the client that made
 * them (per email and client address, for 15 minutes): a stranger cannot lock an officer out, and a
 * lock never touches a session. What bounds guessing from many addresses is the login throttle per
 * account, which slows sign-in for a minute at a time and never ends a session.
 */
auth.post("/login", validate("json", LoginSchema), async (c) => {
  const { email, password } = c.req.valid("json");
  const db = c.var.db;
  const client = clientAddress(c);
  // By client and by account: one client trying many accounts, and many clients trying one.
  await throttle(c.var.platform.limiters.login, [`client:${client}`, `account:${email}`], TOO_MANY);
  const since = new Date(Date.now() - LOCK_MS).toISOString();
  const { user, failures } = await signInState(db, email, client, since);
  const hash = user && !user.disabledAt ? user.passwordHash : null;
  // Always one hash: a missing account costs what a real check costs (verifyPassword, null hash).
  const passwordOk = await verifyPassword(password, hash);
  const locked = failures >= LOCK_AFTER_FAILURES;
  // The audit row of a refusal is also what counts it towards the lock (db/staff/sign-in.ts).
  const refused = (reason: string) =>
    c.var.platform.batch.run([
      audit(c, "auth.login_failed", email, { reason }, { actorId: user?.id ?? null, actorEmail: email }),
    ]);
  if (!user || !hash || !passwordOk || locked) {
    await refused(!user ? "unknown_account" : !hash ? "disabled_or_no_password" : locked ? "locked" : "wrong_password");
    throw problem(401, { detail: WRONG });
  }
  // Only after the password: a demo account's existence is told to no one who does not know it.
  if (user.isDemo && c.env.ENVIRONMENT === "production") {
    await refused("demo_account_in_production");
    throw problem(403, { detail: "演示账号不能在正式环境使用。" });
  }

  const session = await startSession(c, db, user.id);
  await c.var.platform.batch.run([
    session.statement,
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
