import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { ROLES, UNIT_BOUND_ROLES, UNIT_KINDS } from "../../../src/shared/staff/roles";
import { now } from "./meta";

/** Organisational units: the command centre, 中队, 社区工作站 and service points. Data, not code. */
export const units = sqliteTable(
  "units",
  {
    id: text().primaryKey(),
    name: text().notNull(),
    kind: text({ enum: UNIT_KINDS }).notNull(),
    createdAt: text().notNull().default(now),
  },
  (t) => [check("units_kind_ck", sql`${t.kind} IN (${sql.raw(UNIT_KINDS.map((k) => `'${k}'`).join(", "))})`)],
);

/**
 * Staff accounts. Only a password hash is kept (PBKDF2, see functions/lib/staff/password.ts); accounts
 * that sign in through Cloudflare Access may have none.
 */
export const staffUsers = sqliteTable(
  "staff_users",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    email: text().notNull().unique(),
    displayName: text().notNull(),
    role: text({ enum: ROLES }).notNull(),
    unitId: text().references(() => units.id),
    passwordHash: text(),
    mustChangePassword: integer({ mode: "boolean" }).notNull().default(false),
    disabledAt: text(),
    /** Demo accounts of the local seed: a production Worker refuses them. */
    isDemo: integer({ mode: "boolean" }).notNull().default(false),
    createdAt: text().notNull().default(now),
    updatedAt: text().notNull().default(now),
  },
  (t) => [
    check("staff_users_role_ck", sql`${t.role} IN (${sql.raw(ROLES.map((r) => `'${r}'`).join(", "))})`),
    // A unit handler or service-point clerk without a unit could see nothing, or everything.
    check(
      "staff_users_unit_ck",
      sql`${t.role} NOT IN (${sql.raw(UNIT_BOUND_ROLES.map((r) => `'${r}'`).join(", "))}) OR ${t.unitId} IS NOT NULL`,
    ),
    check("staff_users_email_ck", sql`${t.email} = lower(${t.email})`),
  ],
);

/** Signed-in sessions: the cookie holds a 256-bit token, the table only its SHA-256. */
export const staffSessions = sqliteTable(
  "staff_sessions",
  {
    tokenHash: text().primaryKey(),
    userId: integer()
      .notNull()
      .references(() => staffUsers.id),
    createdAt: text().notNull().default(now),
    lastSeenAt: text().notNull().default(now),
    expiresAt: text().notNull(),
    revokedAt: text(),
  },
  (t) => [index("staff_sessions_user_idx").on(t.userId)],
);

/**
 * Every staff action, appended in the same batch as the change itself. Triggers (in a hand-written
 * migration) reject UPDATE and DELETE: the log can only grow.
 */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    at: text().notNull().default(now),
    actorId: integer().references(() => staffUsers.id),
    actorEmail: text(),
    action: text().notNull(),
    target: text(),
    detail: text(),
    clientIp: text(),
    requestId: text(),
  },
  (t) => [
    index("audit_log_at_idx").on(t.at),
    index("audit_log_actor_idx").on(t.actorEmail, t.at),
    index("audit_log_action_idx").on(t.action, t.at),
  ],
);
