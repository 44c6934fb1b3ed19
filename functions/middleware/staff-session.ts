import type { MiddlewareHandler } from "hono";
import { readSession, touchSession } from "../db/staff";
import type { AppEnv } from "../env";
import { readSessionCookie, SESSION_IDLE_MS } from "../lib/session-cookie";
import { sha256Hex } from "../lib/tokens";

/** Refreshing last_seen_at at most once a minute keeps reads from turning into writes. */
const TOUCH_EVERY_MS = 60 * 1000;

/**
 * Puts the signed-in staff member on the context when the session cookie names a live session:
 * not revoked, not past its absolute expiry, not idle for 30 minutes, account not disabled.
 * Requires nothing itself; `authorize()` decides.
 *
 * @example
 * staffApi.use(staffSession(), authorize());
 */
export function staffSession(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = readSessionCookie(c);
    if (token) {
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
        const { user } = row;
        c.set("staff", {
          id: user.id,
          email: user.email,
          displayName: user.displayName,
          role: user.role,
          unitId: user.unitId,
          mustChangePassword: user.mustChangePassword,
          sessionHash: tokenHash,
        });
        if (Date.parse(row.session.lastSeenAt) + TOUCH_EVERY_MS < now) {
          await touchSession(c.var.db, tokenHash, new Date(now).toISOString()).run();
        }
      }
    }
    await next();
  };
}
