import { CONTACT_RETENTION_DAYS } from "../../../src/shared/sweeps/rules";
import { anonymiseGroupsChunk, anonymiseSignupsChunk } from "../../db/sweeps/retention";
import type { BatchRunner } from "../../platform/ports";

/** Rows per batch and batches per run, as the complaints' retention: each batch stays well inside D1's limits. */
export const RETENTION_CHUNK = 500;
const MAX_CHUNKS = 20;
const DAY = 86_400_000;

/**
 * Removes the contact details of sign-ups and groups whose sweep ended more than
 * CONTACT_RETENTION_DAYS ago, a chunk per batch (see db/sweeps/retention.ts for what stays and why).
 * Idempotent: an anonymised row is never taken again.
 */
export async function anonymiseSweepContacts(
  batch: BatchRunner,
  now: Date,
  { days = CONTACT_RETENTION_DAYS, chunk = RETENTION_CHUNK } = {},
): Promise<{ signups: number; groups: number }> {
  const cutoff = new Date(now.getTime() - days * DAY).toISOString();
  const at = now.toISOString();
  let signups = 0;
  for (let i = 0; i < MAX_CHUNKS; i++) {
    const results = await batch.run(anonymiseSignupsChunk(at, cutoff, chunk));
    const n = results.at(-1)?.changes ?? 0;
    signups += n;
    if (n < chunk) break;
  }
  let groups = 0;
  for (let i = 0; i < MAX_CHUNKS; i++) {
    const [update] = await batch.run([anonymiseGroupsChunk(at, cutoff, chunk)]);
    const n = update?.changes ?? 0;
    groups += n;
    if (n < chunk) break;
  }
  return { signups, groups };
}
