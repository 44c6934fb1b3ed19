import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { complaints } from "./complaints";
import { now } from "./meta";
import { staffUsers } from "./staff";

/**
 * Open311 API keys, issued by admins to the apps that file through `POST /open311/v2/requests`.
 * Only the key's SHA-256 is kept (the key is shown once when issued); `prefix` is its first
 * characters, not secret, so the console and the audit log can tell keys apart.
 */
export const open311ApiKeys = sqliteTable(
  "open311_api_keys",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    /** Who holds the key: a person or organisation, as the admin wrote it. */
    holder: text().notNull(),
    prefix: text().notNull(),
    keyHash: text().notNull().unique(),
    createdAt: text().notNull().default(now),
    createdBy: integer().references(() => staffUsers.id),
    revokedAt: text(),
    revokedBy: integer().references(() => staffUsers.id),
    /** Set in the filing batch of every request the key files. */
    lastUsedAt: text(),
  },
  (t) => [check("open311_api_keys_revoked_ck", sql`${t.revokedAt} IS NULL OR ${t.revokedBy} IS NOT NULL`)],
);

/**
 * A case filed through Open311: which key filed it, the spec's `token` (for `tokens/{token}` until
 * the case has a public page), the `account_id` the app sent and its `media_url` (a link recorded,
 * never fetched, never shown publicly). Written in the filing batch itself.
 */
export const open311Requests = sqliteTable(
  "open311_requests",
  {
    complaintId: integer()
      .primaryKey()
      .references(() => complaints.id),
    keyId: integer()
      .notNull()
      .references(() => open311ApiKeys.id),
    /**
     * Random, 128 bits. Kept as it is (not hashed): it leads only to the public case number, once
     * there is one, and an idempotent replay must give the same token back.
     */
    token: text().notNull().unique(),
    accountId: text(),
    mediaUrl: text(),
    createdAt: text().notNull(),
  },
  (t) => [index("open311_requests_key_idx").on(t.keyId, t.createdAt)],
);
