import { type SQL, sql } from "drizzle-orm";
import type { Statement } from "./batch";

// What every feature's outbox shares: the sender's marks on the rows it took. Each feature keeps
// its own table, its own rows to send and its own reminders (functions/db/<feature>/outbox.ts).

/**
 * The outbox tables, the only names ever written into the SQL: a table is chosen from this list,
 * never taken from a caller's string, so no value can reach the statement as SQL.
 */
const OUTBOX_TABLES: Record<OutboxTable, SQL> = {
  sweep_messages: sql.raw("sweep_messages"),
  appointment_messages: sql.raw("appointment_messages"),
};
export type OutboxTable = "sweep_messages" | "appointment_messages";

function outboxTable(table: OutboxTable): SQL {
  if (!Object.hasOwn(OUTBOX_TABLES, table)) throw new RangeError(`not an outbox table: ${String(table)}`);
  return OUTBOX_TABLES[table];
}

/** A parameterised `IN (…)` list. */
export const idList = (ids: readonly (number | string)[]) =>
  sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );

/** The sender's results, as one batch: sent ones stamped, failed ones counted, undeliverable ones given up. */
export function markOutcomes(
  table: OutboxTable,
  o: { sent: readonly number[]; failed: readonly number[]; undeliverable: readonly number[] },
  now: string,
  maxAttempts: number,
): Statement[] {
  const t = outboxTable(table);
  const out: Statement[] = [];
  if (o.sent.length)
    out.push(sql`UPDATE ${t} SET sent_at = ${now}, attempts = attempts + 1
      WHERE id IN (${idList(o.sent)}) AND sent_at IS NULL`);
  if (o.failed.length)
    out.push(sql`UPDATE ${t} SET attempts = attempts + 1 WHERE id IN (${idList(o.failed)}) AND sent_at IS NULL`);
  // No phone to send to (a group member not yet named, a contact anonymised): retrying cannot help.
  if (o.undeliverable.length)
    out.push(sql`UPDATE ${t} SET attempts = ${maxAttempts}
      WHERE id IN (${idList(o.undeliverable)}) AND sent_at IS NULL`);
  return out;
}
