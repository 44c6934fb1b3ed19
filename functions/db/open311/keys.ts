import { desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Db } from "../client";
import { open311ApiKeys, staffUsers } from "../schema";
import type { AuditEntry } from "../staff/audit";

const creator = alias(staffUsers, "creator");
const revoker = alias(staffUsers, "revoker");

/** Every key, newest first, with the emails of who issued and revoked it; never the hash. */
export function listKeys(db: Db, id?: number) {
  return db
    .select({
      id: open311ApiKeys.id,
      holder: open311ApiKeys.holder,
      prefix: open311ApiKeys.prefix,
      createdAt: open311ApiKeys.createdAt,
      createdBy: creator.email,
      revokedAt: open311ApiKeys.revokedAt,
      revokedBy: revoker.email,
      lastUsedAt: open311ApiKeys.lastUsedAt,
    })
    .from(open311ApiKeys)
    .leftJoin(creator, eq(open311ApiKeys.createdBy, creator.id))
    .leftJoin(revoker, eq(open311ApiKeys.revokedBy, revoker.id))
    .where(id === undefined ? undefined : eq(open311ApiKeys.id, id))
    .orderBy(desc(open311ApiKeys.id));
}

export function insertKey(db: Db, k: { holder: string; prefix: string; keyHash: string; createdBy: number | null }) {
  return db.insert(open311ApiKeys).values(k).returning({ id: open311ApiKeys.id });
}

/** Revokes a key that is still live; a second revocation changes nothing (0 rows). */
export function revokeKey(db: Db, id: number, by: number | null, at: string) {
  return db
    .update(open311ApiKeys)
    .set({ revokedAt: at, revokedBy: by })
    .where(sql`${open311ApiKeys.id} = ${id} AND ${open311ApiKeys.revokedAt} IS NULL`);
}

/**
 * The audit row of a revocation, written only when the statement just before it (the UPDATE)
 * changed a row: two admins revoking at once leave one revocation and one audit row.
 */
export function auditIfChanged(e: AuditEntry) {
  return sql`INSERT INTO audit_log (actor_id, actor_email, action, target, detail, client_ip, request_id)
    SELECT ${e.actorId}, ${e.actorEmail}, ${e.action}, ${e.target ?? null},
      ${e.detail ? JSON.stringify(e.detail) : null}, ${e.clientIp}, ${e.requestId}
    WHERE changes() = 1`;
}

/** The live key with this hash, for a filing: a revoked or unknown key finds nothing. */
export function findLiveKey(db: Db, keyHash: string) {
  return db
    .select({ id: open311ApiKeys.id, prefix: open311ApiKeys.prefix })
    .from(open311ApiKeys)
    .where(sql`${open311ApiKeys.keyHash} = ${keyHash} AND ${open311ApiKeys.revokedAt} IS NULL`);
}
