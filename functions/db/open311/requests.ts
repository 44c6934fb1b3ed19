import { eq, sql } from "drizzle-orm";
import type { Statement } from "../batch";
import type { Db } from "../client";
import { complaints, open311Requests } from "../schema";

export interface Open311Filing {
  /** The filing's idempotency record (its key's hash) names the case the same batch inserted. */
  idempotencyKeyHash: string;
  keyId: number;
  token: string;
  accountId: string | null;
  mediaUrl: string | null;
  at: string;
}

/**
 * What an Open311 filing adds to the website's filing batch: the request's row and the key's
 * last use. The key is looked up again inside the batch: one revoked since the request began gives
 * a NULL key_id, the NOT NULL constraint fails the batch, and nothing of the filing is written.
 */
export function open311FilingStatements(f: Open311Filing): Statement[] {
  return [
    sql`INSERT INTO open311_requests (complaint_id, key_id, token, account_id, media_url, created_at)
      VALUES ((SELECT complaint_id FROM idempotency_keys WHERE key_hash = ${f.idempotencyKeyHash}),
        (SELECT id FROM open311_api_keys WHERE id = ${f.keyId} AND revoked_at IS NULL),
        ${f.token}, ${f.accountId}, ${f.mediaUrl}, ${f.at})`,
    sql`UPDATE open311_api_keys SET last_used_at = ${f.at} WHERE id = ${f.keyId}`,
  ];
}

/** The Open311 row of a case by its number: an idempotent replay answers with the first token. */
export function findFilingByCase(db: Db, caseNumber: string) {
  return db
    .select({ token: open311Requests.token, accountId: open311Requests.accountId })
    .from(open311Requests)
    .innerJoin(complaints, eq(open311Requests.complaintId, complaints.id))
    .where(eq(complaints.caseNumber, caseNumber));
}

/** `tokens/{token}`: the case's number and state, to say whether it has a public page yet. */
export function findByToken(db: Db, token: string) {
  return db
    .select({ token: open311Requests.token, caseNumber: complaints.caseNumber, state: complaints.state })
    .from(open311Requests)
    .innerJoin(complaints, eq(open311Requests.complaintId, complaints.id))
    .where(eq(open311Requests.token, token));
}

/** The account id an app sent with a case (contact): the staff's audited contact call shows it. */
export function findFilingAccount(db: Db, complaintId: number) {
  return db
    .select({ accountId: open311Requests.accountId })
    .from(open311Requests)
    .where(eq(open311Requests.complaintId, complaintId));
}
