import { and, asc, count, desc, eq, gt, isNotNull, isNull, sql } from "drizzle-orm";
import type { AuditAction } from "../../../src/shared/staff/audit-actions";
import type { Statement } from "../batch";
import type { Db } from "../client";
import { sweepCertificates, sweepSignups, sweeps } from "../schema";

// The certificates' queries (志愿服务记录证明). A certificate row is frozen by migrations/0016's
// triggers (only its revocation columns change); issuing and revoking are each one batch.

export type CertificateRow = typeof sweepCertificates.$inferSelect;

/**
 * A person's attended sweeps whose hours staff approved, oldest first: what a certificate lists.
 * Found through the person key's index, then each sweep by its primary key.
 */
export function approvedServiceOf(db: Db, personKey: string) {
  return db
    .select({
      signupId: sweepSignups.id,
      name: sweepSignups.name,
      organisation: sweepSignups.organisation,
      volunteerNumber: sweepSignups.volunteerNumber,
      minutes: sweepSignups.minutes,
      startsAt: sweeps.startsAt,
      title: sweeps.title,
      communityId: sweeps.communityId,
    })
    .from(sweepSignups)
    .innerJoin(sweeps, eq(sweeps.id, sweepSignups.sweepId))
    .where(
      and(
        eq(sweepSignups.personKey, personKey),
        eq(sweepSignups.attendance, "attended"),
        gt(sweepSignups.minutes, 0),
        isNotNull(sweeps.hoursApprovedAt),
      ),
    )
    .orderBy(asc(sweeps.startsAt))
    .limit(1000);
}

/** The person's latest certificate, revoked or not (the manage page shows it either way). */
export function latestCertificateOf(db: Db, personKey: string) {
  return db
    .select()
    .from(sweepCertificates)
    .where(eq(sweepCertificates.personKey, personKey))
    .orderBy(desc(sweepCertificates.issuedAt))
    .limit(1);
}

/** The person's latest certificate still in force: the one a new request with the same content returns. */
export function latestInForceOf(db: Db, personKey: string) {
  return db
    .select()
    .from(sweepCertificates)
    .where(and(eq(sweepCertificates.personKey, personKey), isNull(sweepCertificates.revokedAt)))
    .orderBy(desc(sweepCertificates.issuedAt))
    .limit(1);
}

/** How many certificates the person holds: a new one is written only if this is still the count read. */
export function certificateCountOf(db: Db, personKey: string) {
  return db.select({ n: count() }).from(sweepCertificates).where(eq(sweepCertificates.personKey, personKey));
}

/** Staff: the person's certificates, newest first. */
export function certificatesOf(db: Db, personKey: string) {
  return db
    .select()
    .from(sweepCertificates)
    .where(eq(sweepCertificates.personKey, personKey))
    .orderBy(desc(sweepCertificates.issuedAt))
    .limit(100);
}

export function certificateByNumber(db: Db, number: string) {
  return db.select().from(sweepCertificates).where(eq(sweepCertificates.number, number));
}

export interface NewCertificate {
  number: string;
  personKey: string;
  checkCode: string;
  payload: string;
  signature: string;
  issuedAt: string;
  /** The sign-up whose manage link asked: its page gets the "certificate ready" message. */
  signupId: number;
  /** The person's certificate count when the request read it: another issue in between writes nothing. */
  seenCount: number;
}

/**
 * Issuing, one batch: the certificate, only while the person's certificates are still the ones read
 * (two requests at once issue one), then its message, only if the certificate was written.
 */
export function issueBatch(c: NewCertificate): Statement[] {
  return [
    sql`INSERT INTO sweep_certificates (number, person_key, check_code, payload, signature, issued_at)
      SELECT ${c.number}, ${c.personKey}, ${c.checkCode}, ${c.payload}, ${c.signature}, ${c.issuedAt}
      WHERE (SELECT count(*) FROM sweep_certificates WHERE person_key = ${c.personKey}) = ${c.seenCount}`,
    sql`INSERT INTO sweep_messages (signup_id, kind, created_at)
      SELECT ${c.signupId}, 'certificate_ready', ${c.issuedAt} WHERE changes() = 1`,
  ];
}

export interface Revocation {
  number: string;
  at: string;
  reason: string;
  staff: { id: number; email: string };
  clientIp: string | null;
  requestId: string | null;
}

/**
 * Revoking, one batch: the revocation columns (the frozen ones are the trigger's to keep), then the
 * audit row only if this request revoked it, so a second revoke at the same moment leaves no false record.
 */
export function revokeBatch(r: Revocation): Statement[] {
  const action: AuditAction = "sweep.certificate_revoked";
  return [
    sql`UPDATE sweep_certificates SET revoked_at = ${r.at}, revoked_by = ${r.staff.id}, revoke_reason = ${r.reason}
      WHERE number = ${r.number} AND revoked_at IS NULL`,
    sql`INSERT INTO audit_log (at, actor_id, actor_email, action, target, detail, client_ip, request_id)
      SELECT ${r.at}, ${r.staff.id}, ${r.staff.email}, ${action}, ${r.number}, ${JSON.stringify({ reason: r.reason })},
        ${r.clientIp}, ${r.requestId}
      WHERE changes() = 1`,
  ];
}
