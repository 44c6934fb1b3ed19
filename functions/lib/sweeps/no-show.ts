import { NO_SHOW_RULE } from "../../../src/shared/sweeps/rules";
import type { Db } from "../../db/client";
import { noShowsSince } from "../../db/sweeps/day";
import { problem } from "../problem";

const DAY = 86_400_000;

/** The published rule in words, as the refusal quotes it. */
export const NO_SHOW_RULE_TEXT = `${NO_SHOW_RULE.withinDays} 天内报名后未到场（且未取消）累计 ${NO_SHOW_RULE.limit} 次的，暂停报名，直至最早一次满 ${NO_SHOW_RULE.withinDays} 天。`;

/** The start of the rule's window (NO_SHOW_RULE, data): no-shows of sweeps since then count. */
export const noShowWindowStart = (now: Date) => new Date(now.getTime() - NO_SHOW_RULE.withinDays * DAY).toISOString();

/**
 * Refuses a sign-up (409) when `noShows`, the person's no-shows since `noShowWindowStart`, reaches the rule's limit. A
 * rule, not an invariant: read before the sign-up's batch.
 */
export function refuseNoShows(noShows: number): void {
  if (noShows >= NO_SHOW_RULE.limit) {
    throw problem(409, {
      detail: `您近 ${NO_SHOW_RULE.withinDays} 天内已有 ${noShows} 次报名后未到场，按报名规则暂时不能报名。规则：${NO_SHOW_RULE_TEXT}`,
    });
  }
}

/** Reads the person's no-shows and refuses as `refuseNoShows` does. */
export async function refuseRepeatedNoShows(db: Db, personKey: string, now = new Date()): Promise<void> {
  refuseNoShows((await noShowsSince(db, personKey, noShowWindowStart(now)).get())?.n ?? 0);
}
