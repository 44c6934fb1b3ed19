import { releaseHoldsStatements } from "../../db/sweeps/consent";
import { expireOffersBatch } from "../../db/sweeps/signups";
import type { BatchRunner } from "../../platform/ports";
import { logJson } from "../log";
import { offerUntil } from "./manage";

/**
 * The sweeps' part of the cron: held places past their hold are released, offers not confirmed in
 * time are withdrawn, and their places (and any other free place) offered to the next people
 * waiting, one batch.
 */
export async function sweepHousekeeping(batch: BatchRunner, env: Pick<Env, "LOG_LEVEL">, now: Date) {
  // Lapsed holds (a guardian's consent, a group member's details) are released first, so the same
  // batch's offers include their places.
  const [, released, , expired, , offered] = await batch.run([
    ...releaseHoldsStatements(now.toISOString()),
    ...expireOffersBatch(now.toISOString(), offerUntil(now)),
  ]);
  const result = { released: released?.changes ?? 0, expired: expired?.changes ?? 0, offered: offered?.changes ?? 0 };
  logJson(env, "info", { msg: "sweep housekeeping", ...result });
  return result;
}
