import { releaseHoldsStatements } from "../../db/sweeps/consent";
import { expireOffersBatch } from "../../db/sweeps/signups";
import type { BatchRunner, MessageSender, StatementResult } from "../../platform/ports";
import { noSender } from "../../platform/sender";
import { logJson } from "../log";
import { offerUntil } from "./manage";
import { sendOutbox, writeReminders } from "./messages";
import { anonymiseSweepContacts } from "./retention";

/** Runs one step of the cron on its own: a failure is logged and the next step still runs. */
async function step<T>(env: Pick<Env, "LOG_LEVEL">, name: string, work: () => Promise<T>, none: T): Promise<T> {
  try {
    return await work();
  } catch (err) {
    logJson(env, "error", { msg: `sweep housekeeping: ${name} failed`, error: String((err as Error)?.message ?? err) });
    return none;
  }
}

/**
 * The sweeps' part of the cron: held places past their hold are released, offers not confirmed in
 * time are withdrawn, and their places (and any other free place) offered to the next people
 * waiting, one batch. Then, each on its own (a failing step never holds the others): tomorrow's
 * reminders, contact retention, and the outbox through the sender (last, so this run's messages go
 * at once).
 */
export async function sweepHousekeeping(
  batch: BatchRunner,
  env: Pick<Env, "LOG_LEVEL">,
  now: Date,
  sender: MessageSender = noSender,
) {
  // Lapsed holds (a guardian's consent, a group member's details) are released first, so the same
  // batch's offers include their places.
  const [, released, , expired, , offered] = await batch.run([
    ...releaseHoldsStatements(now.toISOString()),
    ...expireOffersBatch(now.toISOString(), offerUntil(now)),
  ]);
  // Rows RETURNING, not `changes`: D1 counts the tally triggers' writes to `sweeps` in `changes`
  // (migrations/0021), so a status update's `changes` is not its number of sign-ups.
  const count = (r: StatementResult | undefined) => r?.rows.length ?? 0;
  const result = { released: count(released), expired: count(expired), offered: count(offered) };
  const reminders = await step(env, "reminders", () => writeReminders(batch, now), 0);
  const anonymised = await step(env, "retention", () => anonymiseSweepContacts(batch, now), { signups: 0, groups: 0 });
  const messages = await step(env, "sending", () => sendOutbox(batch, sender, now), {
    sent: 0,
    failed: 0,
    undeliverable: 0,
  });
  logJson(env, "info", { msg: "sweep housekeeping", ...result, reminders, anonymised, messages });
  return { ...result, reminders, anonymised, messages };
}
