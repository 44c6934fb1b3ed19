import { problem } from "./problem";
import { openForReplay, sealForReplay } from "./replay-cipher";

// How a retry with the same Idempotency-Key is told from another request, for the sign-ups, group
// sign-ups and bookings (each reads its own record and rebuilds its own answer from the secret).

/** What a stored idempotency record holds for a replay. */
export interface IdempotencyRecord {
  requestHash: string;
  createdAt: string;
  replayCipher: string;
}

/**
 * The record a first request writes in its batch: the key and body hashed, and the secret it
 * answers with sealed under the key, so only a retry with the same key can be given it again.
 */
export async function idempotencyRecord(key: string, keyHash: string, requestHash: string, secret: string) {
  return { keyHash, requestHash, replayCipher: await sealForReplay(key, secret), createdAt: new Date().toISOString() };
}

/** The words a refusal uses: the key reused for another body, and the first request still being written. */
export interface IdempotencyTexts {
  reused: string;
  inProgress: string;
}

/** 409 with Retry-After: the first request with this key is still being written; its answer comes soon. */
export const inProgress = (detail: string) => problem(409, { detail, headers: { "retry-after": "2" } });

/**
 * The secret the first request sealed, for answering its retry again; undefined when there is no
 * record. The key reused with another body is 422; a record not older than this request (written by
 * a request that overlapped it) is 409 with Retry-After.
 */
export async function openRetry(
  found: IdempotencyRecord | undefined,
  attempt: { key: string; requestHash: string; startedAt: string },
  texts: IdempotencyTexts,
): Promise<string | undefined> {
  if (!found) return undefined;
  if (found.requestHash !== attempt.requestHash) throw problem(422, { detail: texts.reused });
  if (found.createdAt >= attempt.startedAt) throw inProgress(texts.inProgress);
  return openForReplay(attempt.key, found.replayCipher);
}
