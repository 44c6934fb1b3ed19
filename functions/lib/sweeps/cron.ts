import { expireOffersBatch } from "../../db/sweeps/signups";
import type { BatchRunner } from "../../platform/ports";
import { logJson } from "../log";
import { offerUntil } from "./manage";

/**
 * The sweeps' part of the cron: offers not confirmed in time are withdrawn and their places (and any
 * other free place) offered to the next people waiting, one batch.
 */
export async function sweepHousekeeping(batch: BatchRunner, env: Pick<Env, "LOG_LEVEL">, now: Date) {
  const [, expired, , offered] = await batch.run(expireOffersBatch(now.toISOString(), offerUntil(now)));
  const result = { expired: expired?.changes ?? 0, offered: offered?.changes ?? 0 };
  logJson(env, "info", { msg: "sweep housekeeping", ...result });
  return result;
}
