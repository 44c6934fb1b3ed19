import type { BatchRunner, MessageSender } from "../../platform/ports";
import { noSender } from "../../platform/sender";
import { logJson } from "../log";
import { sendAppointmentOutbox, writeAppointmentReminders } from "./messages";

/**
 * The appointments' part of the cron: tomorrow's reminders, then the outbox through the sender
 * (last, so this run's reminders go at once). Each step on its own: one failing never holds the other.
 */
export async function appointmentHousekeeping(
  batch: BatchRunner,
  env: Pick<Env, "LOG_LEVEL">,
  now: Date,
  sender: MessageSender = noSender,
) {
  const step = async <T>(name: string, work: () => Promise<T>, none: T): Promise<T> => {
    try {
      return await work();
    } catch (err) {
      logJson(env, "error", {
        msg: `appointment housekeeping: ${name} failed`,
        error: String((err as Error)?.message ?? err),
      });
      return none;
    }
  };
  const reminders = await step("reminders", () => writeAppointmentReminders(batch, now), 0);
  const messages = await step("sending", () => sendAppointmentOutbox(batch, sender, now), {
    sent: 0,
    failed: 0,
    undeliverable: 0,
  });
  logJson(env, "info", { msg: "appointment housekeeping", reminders, messages });
  return { reminders, messages };
}
