import type { Context, MiddlewareHandler } from "hono";
import { findStaffByEmail, readSession, type StaffUser, touchSession } from "../db/staff/index";
import type { AppEnv, SignedInStaff } from "../env";
import { logJson } from "../lib/log";
import { problem } from "../lib/problem";
import { AccessTokenError, verifyAccessJwt } from "../lib/staff/access";
import { readSessionCookie, SESSION_IDLE_MS } from "../lib/staff/session-cookie";
import { sha256Hex } from "../lib/tokens";

/** Refreshing last_seen_at at most once a minute keeps reads from turning into writes. */
const TOUCH_EVERY_MS = 60 * 1000;

/**
 * Puts the signed-in staff member on the context when the session cookie names a live session:
 * not revoked, not past its absolute expiry, not idle for 30 minutes, account not disabled. Where
 * Cloudflare Access is configured, its signed header identifies the member instead (403 for an
 * email with no enabled account). Requires nothing itself; `authorize()` decides.
 *
 * @example
 * staffApi.use(staffSession(), authorize());
 */
export function staffSession(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = readSessionCookie(c);
    const accessJwt = c.req.header("cf-access-jwt-assertion");
    if (!token && accessJwt && c.env.ACCESS_AUD && c.env.ACCESS_TEAM_DOMAIN) {
      await signInWithAccess(c, accessJwt);
    } else if (token) {
      const tokenHash = await sha256Hex(token);
      const row = await readSession(c.var.db, tokenHash);
      const now = Date.now();
      if (
        row &&
        !row.session.revokedAt &&
        Date.parse(row.session.expiresAt) > now &&
        Date.parse(row.session.lastSeenAt) + SESSION_IDLE_MS > now &&
        !row.user.disabledAt
      ) {
        c.set("staff", { ...signedIn(row.user), sessionHash: tokenHash });
        if (Date.parse(row.session.lastSeenAt) + TOUCH_EVERY_MS < now) {
          await touchSession(c.var.db, tokenHash, new Date(now).toISOString()).run();
        }
      }
    }
    await next();
  };
}

async function signInWithAccess(c: Context<AppEnv>, jwt: string): Promise<void> {
  let email: string;
  try {
    email = await verifyAccessJwt(jwt, { aud: c.env.ACCESS_AUD, teamDomain: c.env.ACCESS_TEAM_DOMAIN });
  } catch (err) {
    if (!(err instanceof AccessTokenError)) throw err;
    logJson(c.env, "info", { requestId: c.var.requestId, msg: "access token refused", reason: err.message });
    throw problem(401, { detail: "Cloudflare Access 凭证无效，请重新登录。" });
  }
  const user = await findStaffByEmail(c.var.db, email);
  if (!user || user.disabledAt) throw problem(403, { detail: "该邮箱没有可用的工作人员账号。" });
  // Access accounts have no password of ours to change.
  c.set("staff", { ...signedIn(user), mustChangePassword: false });
}

/** The account fields a request carries for its signed-in staff member. */
function signedIn(user: StaffUser): SignedInStaff {
  const { id, email, displayName, role, unitId, mustChangePassword } = user;
  return { id, email, displayName, role, unitId, mustChangePassword };
}
