import { and, desc, eq, gte, lt } from "drizzle-orm";
import type { AuditAction } from "../../../src/shared/staff/audit-actions";
import { dayEnd, dayStart } from "../../../src/shared/time";
import type { Db } from "../client";
import { auditLog } from "../schema";

export interface AuditEntry {
  actorId: number | null;
  actorEmail: string | null;
  action: AuditAction;
  target?: string | null;
  detail?: Record<string, unknown>;
  clientIp: string | null;
  requestId: string | null;
}

/** The audit row as a statement, to go into the same `db.batch()` as the change it records. */
export function auditInsert(db: Db, entry: AuditEntry) {
  return db.insert(auditLog).values({ ...entry, detail: entry.detail ? JSON.stringify(entry.detail) : null });
}

export interface AuditFilter {
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
  before?: number;
  limit: number;
}

/** Newest first, keyset-paginated by id (`before`), filtered by actor, action and China-time date. */
export function listAudit(db: Db, f: AuditFilter) {
  const where = and(
    f.actor ? eq(auditLog.actorEmail, f.actor.toLowerCase()) : undefined,
    f.action ? eq(auditLog.action, f.action) : undefined,
    // Dates are China-time days, as staff read them; the log keeps UTC instants.
    f.from ? gte(auditLog.at, dayStart(f.from).toISOString()) : undefined,
    f.to ? lt(auditLog.at, dayEnd(f.to).toISOString()) : undefined,
    f.before ? lt(auditLog.id, f.before) : undefined,
  );
  return db.select().from(auditLog).where(where).orderBy(desc(auditLog.id)).limit(f.limit).all();
}
