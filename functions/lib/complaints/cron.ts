import { CONTACT_RETENTION_DAYS } from "../../../src/shared/privacy";
import { anonymiseChunk, markOverdueChunk } from "../../db/complaints/handling";
import type { BatchRunner } from "../../platform/ports";
import { logJson } from "../log";

/** Rows per statement and statements per run: each batch stays well inside D1's time limit. */
const CHUNK = 500;
const MAX_CHUNKS = 20;
const DAY = 86_400_000;

/** Marks open cases whose deadline passed (a system event each), a chunk per batch. */
export async function markOverdue(batch: BatchRunner, now: Date): Promise<number> {
  let marked = 0;
  for (let i = 0; i < MAX_CHUNKS; i++) {
    const [, update] = await batch.run(markOverdueChunk(now.toISOString(), CHUNK));
    const n = update?.changes ?? 0;
    marked += n;
    if (n < CHUNK) break;
  }
  return marked;
}

/** Drops reporters' names, phones and exact points `days` after their case closed, a chunk per batch. */
export async function anonymiseContacts(batch: BatchRunner, now: Date, days: number): Promise<number> {
  const cutoff = new Date(now.getTime() - days * DAY).toISOString();
  let done = 0;
  for (let i = 0; i < MAX_CHUNKS; i++) {
    const [update] = await batch.run([anonymiseChunk(now.toISOString(), cutoff, CHUNK)]);
    const n = update?.changes ?? 0;
    done += n;
    if (n < CHUNK) break;
  }
  return done;
}

/** The retention period from the environment (CONTACT_RETENTION_DAYS); the privacy notice's default when unset. */
export function retentionDays(value: string | undefined): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? n : CONTACT_RETENTION_DAYS;
}

/** The case-handling part of the cron: deadlines, then retention. */
export async function caseHousekeeping(
  batch: BatchRunner,
  env: Pick<Env, "CONTACT_RETENTION_DAYS" | "LOG_LEVEL">,
  now: Date,
) {
  const overdue = await markOverdue(batch, now);
  const anonymised = await anonymiseContacts(batch, now, retentionDays(env.CONTACT_RETENTION_DAYS));
  logJson(env, "info", { msg: "case housekeeping", overdue, anonymised });
  return { overdue, anonymised };
}
