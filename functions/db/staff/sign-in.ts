import { and, count, eq, gt, sql } from "drizzle-orm";
import type { Db } from "../client";
import { auditLog, staffUsers } from "../schema";

// Sign-in reads the account and the client's recent failures together. The failures are the audit
// log's own `auth.login_failed` rows (every refused sign-in writes one, with the client's address),
// so the lock needs no counter of its own and cannot drift from what the log shows.

/**
 * How many sign-ins for `email` failed from `client` after `since` and after that client's last
 * success for it. Reads the actor index (email, time): at most what the login throttle let through.
 */
export function recentFailedSignIns(db: Db, email: string, client: string, since: string) {
  const lastSuccess = sql`(SELECT max(s.at) FROM audit_log s
    WHERE s.actor_email = ${email} AND s.action = 'auth.login' AND s.client_ip = ${client})`;
  return db
    .select({ n: count() })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.actorEmail, email),
        gt(auditLog.at, sql`max(${since}, coalesce(${lastSuccess}, ''))`),
        eq(auditLog.action, "auth.login_failed"),
        eq(auditLog.clientIp, client),
      ),
    );
}

/** The account an email names, if any, and the client's recent failures for it: one round trip. */
export async function signInState(db: Db, email: string, client: string, since: string) {
  const [users, failures] = await db.batch([
    db.select().from(staffUsers).where(eq(staffUsers.email, email)),
    recentFailedSignIns(db, email, client, since),
  ]);
  return { user: users[0], failures: failures[0]?.n ?? 0 };
}
