import type { Statement } from "../../db/batch";
import type { BatchRunner } from "../../platform/ports";
import { problem } from "../problem";

// What the database's refusals (the triggers of migrations/0015 and 0016, the unique indexes) mean to the person who
// asked: each RAISE message and constraint name becomes one problem. Anything else is rethrown.

const REFUSALS: [string, number, string][] = [
  ["sweep_full", 409, "这场活动名额已满。"],
  ["waitlist_full", 409, "这场活动名额和候补名单均已满，请选择其他场次。"],
  ["sweep_not_open", 409, "这场活动已停止报名（已开始、已取消或尚未开放）。"],
  ["sweep_overlap", 409, "您已报名同一时间的另一场活动，不能同时参加两场。"],
  ["sweep_signups.person_key, sweep_signups.sweep_id", 409, "这个手机号已报名这场活动，每人每场只能报名一次。"],
  ["capacity_below_taken", 409, "名额不能少于已确认和已递补的人数。"],
  ["stale_version", 409, "这场活动已被他人修改，请刷新后再试。"],
  ["consent_missing", 409, "监护人尚未同意：未成年人的名额须先由监护人通过同意链接同意，才能确认。"],
  ["not_confirmed", 409, "只有已确认的报名才能签到或记录出勤。"],
  ["certificate_frozen", 409, "证明开具后内容不能修改，只能作废后重新开具。"],
];

/** The problem for a refusal the database raised, or undefined when the error is something else. */
export function refusalOf(err: unknown): ReturnType<typeof problem> | undefined {
  const message = String((err as Error)?.message ?? err);
  const found = REFUSALS.find(([key]) => message.includes(key));
  return found ? problem(found[1] as 409, { detail: found[2] }) : undefined;
}

/** Whether the error is the given refusal. */
export function isRefusal(err: unknown, key: string): boolean {
  return String((err as Error)?.message ?? err).includes(key);
}

/** Runs one batch, turning the database's refusals (stale version, capacity, …) into their problems. */
export async function runRefusing(batch: BatchRunner, statements: readonly Statement[]) {
  try {
    return await batch.run(statements);
  } catch (err) {
    throw refusalOf(err) ?? err;
  }
}
