import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "../client";
import { staffSessions, staffUsers } from "../schema";

export type StaffUser = typeof staffUsers.$inferSelect;

/** The fields of an account that may leave the API (never the hash or lock counters). */
export const publicStaffColumns = {
  id: staffUsers.id,
  email: staffUsers.email,
  displayName: staffUsers.displayName,
  role: staffUsers.role,
  unitId: staffUsers.unitId,
  mustChangePassword: staffUsers.mustChangePassword,
  disabledAt: staffUsers.disabledAt,
  createdAt: staffUsers.createdAt,
};

export function findStaffByEmail(db: Db, email: string) {
  return db.select().from(staffUsers).where(eq(staffUsers.email, email)).get();
}

export function findStaffById(db: Db, id: number) {
  return db.select().from(staffUsers).where(eq(staffUsers.id, id)).get();
}

/** One account as it may leave the API, read after the batch port wrote it. */
export function readStaffAccount(db: Db, id: number) {
  return db.select(publicStaffColumns).from(staffUsers).where(eq(staffUsers.id, id)).get();
}

export function listStaff(db: Db) {
  return db.select(publicStaffColumns).from(staffUsers).orderBy(asc(staffUsers.id)).all();
}

/** A session with its account, by the hash of the cookie's token. */
export function readSession(db: Db, tokenHash: string) {
  return db
    .select({ session: staffSessions, user: staffUsers })
    .from(staffSessions)
    .innerJoin(staffUsers, eq(staffSessions.userId, staffUsers.id))
    .where(eq(staffSessions.tokenHash, tokenHash))
    .get();
}

export function insertSession(db: Db, s: { tokenHash: string; userId: number; now: string; expiresAt: string }) {
  return db
    .insert(staffSessions)
    .values({ tokenHash: s.tokenHash, userId: s.userId, createdAt: s.now, lastSeenAt: s.now, expiresAt: s.expiresAt });
}

export function touchSession(db: Db, tokenHash: string, now: string) {
  return db.update(staffSessions).set({ lastSeenAt: now }).where(eq(staffSessions.tokenHash, tokenHash));
}

export function revokeSession(db: Db, tokenHash: string, now: string) {
  return db
    .update(staffSessions)
    .set({ revokedAt: now })
    .where(and(eq(staffSessions.tokenHash, tokenHash), isNull(staffSessions.revokedAt)));
}

/** Ends every open session of an account (password change, disable). */
export function revokeAllSessions(db: Db, userId: number, now: string) {
  return db
    .update(staffSessions)
    .set({ revokedAt: now })
    .where(and(eq(staffSessions.userId, userId), isNull(staffSessions.revokedAt)));
}

export function setPassword(db: Db, userId: number, passwordHash: string, now: string) {
  return db
    .update(staffUsers)
    .set({ passwordHash, mustChangePassword: false, updatedAt: now })
    .where(eq(staffUsers.id, userId));
}

export function insertStaff(db: Db, values: typeof staffUsers.$inferInsert) {
  return db.insert(staffUsers).values(values).returning({ id: staffUsers.id });
}

export function updateStaff(
  db: Db,
  id: number,
  values: Partial<Pick<StaffUser, "role" | "unitId" | "disabledAt" | "updatedAt">>,
) {
  return db.update(staffUsers).set(values).where(eq(staffUsers.id, id));
}
