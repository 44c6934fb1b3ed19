import { type SQL, sql } from "drizzle-orm";
import type { Statement } from "../batch";

/** A stored photo's row, as the filing and the handling report both record it. */
export interface NewPhoto {
  r2Key: string;
  contentType: string;
  bytes: number;
  width: number;
  height: number;
}

/**
 * The row of one photo of a case: a resident's (`report`, at filing) or an officer's (`result`, when
 * reporting the case handled). `complaintId` may be a subquery, for a case inserted earlier in the
 * same batch whose id is not known yet.
 */
export function insertPhoto(complaintId: number | SQL, p: NewPhoto, stage: "report" | "result", at: string): Statement {
  return sql`INSERT INTO complaint_photos (complaint_id, r2_key, content_type, bytes, width, height, stage, created_at)
    VALUES (${complaintId}, ${p.r2Key}, ${p.contentType}, ${p.bytes}, ${p.width}, ${p.height}, ${stage}, ${at})`;
}
