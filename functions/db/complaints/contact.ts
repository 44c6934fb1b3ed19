import { type SQL, sql } from "drizzle-orm";
import { CONTACT_DELETED_ACTION, DELETED_MARK, MIN_SCRUBBED_NAME } from "../../../src/shared/complaints/personal-data";
import type { AuditAction } from "../../../src/shared/staff/audit-actions";
import type { Statement } from "../batch";

/** What an idempotency record's request hash becomes: it was a hash over the filing, contact included. */
export const CONTACT_DELETED_HASH = "contact-deleted";

/**
 * The exact strings to remove from the case's text as well: the phone, and the name unless it is a
 * single character (which would cut ordinary words). Other spellings ("138 1234 5678") stay: the
 * text is the case's content, and the privacy notice asks people not to put contact details in it.
 */
export function scrubTerms(contact: { name: string | null; phone: string | null }): string[] {
  const terms = [contact.phone ?? ""];
  const name = contact.name?.trim() ?? "";
  if ([...name].length >= MIN_SCRUBBED_NAME) terms.push(name);
  return terms.filter((t) => t !== "");
}

/** `column` with every term replaced by the deletion mark. */
function scrubbed(column: string, terms: readonly string[]): SQL {
  return terms.reduce<SQL>((expr, t) => sql`replace(${expr}, ${t}, ${DELETED_MARK})`, sql`${sql.identifier(column)}`);
}

/**
 * The reporter's contact deletion (PIPL art. 47), as one batch: name, phone, callback wish and an
 * Open311 filing's account id cleared, and the same name and phone cut from the case's text, its
 * replies and the hash its idempotency record kept of the filing. The timeline's internal event and the audit row are
 * written only when the case still had contact details (`changes() = 1` chains them to the update),
 * so a second deletion writes nothing. `contact_anonymised_at` is left to the retention cron: it
 * walks only rows without it, and must still coarsen the exact point after closure.
 */
export function deleteContactBatch(d: {
  complaintId: number;
  caseNumber: string;
  at: string;
  terms: readonly string[];
  requestId: string | null;
}): Statement[] {
  const action: AuditAction = "complaint.contact_deleted";
  const textSets = d.terms.length
    ? sql`address_text = ${scrubbed("address_text", d.terms)}, description = ${scrubbed("description", d.terms)},
        rating_comment = ${scrubbed("rating_comment", d.terms)},`
    : sql``;
  const mentions = sql.join(
    d.terms.map((t) => sql`instr(note, ${t}) > 0`),
    sql` OR `,
  );
  return [
    // An app's Open311 filing may hold the app's account id of the reporter and nothing else: the
    // case still has contact to delete. The trigger of migrations/0023 clears it only when name,
    // phone or callback wish change, so it is cleared here too, after the case's row.
    sql`UPDATE complaints SET ${textSets} reporter_name = NULL, reporter_phone = NULL, callback_wanted = 0
      WHERE id = ${d.complaintId} AND (reporter_name IS NOT NULL OR reporter_phone IS NOT NULL
        OR callback_wanted = 1 OR EXISTS (SELECT 1 FROM open311_requests o
          WHERE o.complaint_id = ${d.complaintId} AND o.account_id IS NOT NULL))`,
    sql`INSERT INTO complaint_events (complaint_id, at, action, from_state, to_state, actor_kind, is_public, note_public)
      SELECT id, ${d.at}, ${CONTACT_DELETED_ACTION}, state, state, 'reporter', 0, 0 FROM complaints
      WHERE id = ${d.complaintId} AND changes() = 1`,
    // No client address: the deletion must not collect a new identifier of the person it forgets.
    sql`INSERT INTO audit_log (at, actor_id, actor_email, action, target, detail, client_ip, request_id)
      SELECT ${d.at}, NULL, NULL, ${action}, ${d.caseNumber}, ${JSON.stringify({ by: "reporter" })}, NULL,
        ${d.requestId} WHERE changes() = 1`,
    ...(d.terms.length
      ? [
          sql`UPDATE complaint_events SET note = ${scrubbed("note", d.terms)}
            WHERE complaint_id = ${d.complaintId} AND note IS NOT NULL AND (${mentions})`,
        ]
      : []),
    sql`UPDATE open311_requests SET account_id = NULL WHERE complaint_id = ${d.complaintId} AND account_id IS NOT NULL`,
    sql`UPDATE idempotency_keys SET request_hash = ${CONTACT_DELETED_HASH}
      WHERE complaint_id = ${d.complaintId} AND request_hash <> ${CONTACT_DELETED_HASH}`,
  ];
}
