import { maskPhone } from "../../../src/shared/privacy";
import type { AttendanceTarget, WalkIn } from "../../../src/shared/sweeps/day-schemas";
import { CHECKIN_OPENS_MINUTES, serviceMinutes } from "../../../src/shared/sweeps/hours";
import { ADULT_AGE, ageOn } from "../../../src/shared/sweeps/rules";
import {
  type AttendanceResult,
  type LeaderRoster,
  type LeaderRosterEntry,
  type ManageDay,
  SIGNUP_STATUS_LABELS,
  type WalkInResult,
} from "../../../src/shared/sweeps/wire";
import { chinaDay } from "../../../src/shared/time";
import type { Statement } from "../../db/batch";
import type { Db } from "../../db/client";
import * as q from "../../db/sweeps/day";
import { type Sweep, type SweepSignup, type SweepWithCounts, sweepById } from "../../db/sweeps/index";
import type { BatchRunner } from "../../platform/ports";
import { type PersonKeyEnv, personKey } from "../person-key";
import { problem } from "../problem";
import { randomToken, sha256Hex } from "../tokens";
import { checkinCode } from "./checkin-code";
import { refusalOf, runRefusing } from "./errors";
import { refuseRepeatedNoShows } from "./no-show";
import { publicSweep } from "./view";

// The leader's day: the roster, check-in and out (by tap or by the code the volunteer shows),
// walk-ins and no-shows. Every write is one batch; the database refuses what must never happen.

const MINUTE = 60_000;
export const checkInOpensAt = (s: Sweep) =>
  new Date(Date.parse(s.startsAt) - CHECKIN_OPENS_MINUTES * MINUTE).toISOString();

const needsGuardian = (s: Sweep, birthMonth: string) =>
  s.guardianPresentBelow !== null && ageOn(birthMonth, chinaDay(new Date(s.startsAt))) < s.guardianPresentBelow;

export function leaderEntry(r: SweepSignup, s: Sweep): LeaderRosterEntry {
  return {
    id: r.id,
    name: r.name,
    phone: maskPhone(r.phone),
    organisation: r.organisation,
    status: r.status,
    statusLabel: SIGNUP_STATUS_LABELS[r.status],
    minor: r.minor === 1,
    guardianPresentNeeded: needsGuardian(s, r.birthMonth),
    walkIn: r.walkIn === 1,
    attendance: r.attendance,
    checkedInAt: r.checkedInAt,
    checkedOutAt: r.checkedOutAt,
    minutes: r.minutes,
  };
}

export async function loadSweep(db: Db, sweepId: string): Promise<SweepWithCounts> {
  const found = await sweepById(db, sweepId).get();
  if (!found) throw problem(404, { detail: "没有找到这场活动。" });
  return found;
}

/** The sweep a leader link opens; an unknown or replaced link is 404. */
export async function sweepIdOfLeaderToken(db: Db, token: string): Promise<string> {
  const found = await q.sweepIdByLeaderHash(db, await sha256Hex(token)).get();
  if (!found) throw problem(404, { detail: "领队链接无效或已被更换，请向工作人员索取新的链接。" });
  return found.id;
}

export async function leaderRoster(db: Db, sweepId: string): Promise<LeaderRoster> {
  const found = await loadSweep(db, sweepId);
  const rows = await q.dayRosterOf(db, sweepId).all();
  const entries = rows.map((r) => leaderEntry(r, found.sweep));
  const sweep = publicSweep(found);
  return {
    sweep,
    checkInOpensAt: checkInOpensAt(found.sweep),
    hoursApproved: found.sweep.hoursApprovedAt !== null,
    counts: {
      confirmed: entries.length,
      checkedIn: entries.filter((e) => e.checkedInAt !== null).length,
      checkedOut: entries.filter((e) => e.checkedOutAt !== null).length,
      noShow: entries.filter((e) => e.attendance === "no_show").length,
      placesLeft: sweep.placesLeft,
    },
    entries,
  };
}

/** The sign-up a tap or a code names, within this sweep only (another sweep's id is not found). */
async function findTarget(db: Db, sweepId: string, target: AttendanceTarget): Promise<SweepSignup> {
  if ("signupId" in target) {
    const row = await q.daySignup(db, sweepId, target.signupId).get();
    if (!row) throw problem(404, { detail: "本场活动没有这位志愿者。" });
    return row;
  }
  for (const row of await q.dayRosterOf(db, sweepId).all()) {
    if ((await checkinCode(row.manageHash)) === target.code) return row;
  }
  throw problem(404, {
    detail: "没有找到这个签到码：请核对是否为本场活动的报名，或在名单中点选。",
    errors: [{ pointer: "#/code", detail: "本场活动没有这个签到码" }],
  });
}

function refuseIfApproved(s: Sweep) {
  if (s.hoursApprovedAt) throw problem(409, { detail: "本场时长已审核，签到记录只能由工作人员更正。" });
}

function refuseOutsideWindow(s: Sweep, now: Date) {
  const at = now.toISOString();
  if (at < checkInOpensAt(s)) {
    throw problem(409, { detail: `签到在活动开始前 ${CHECKIN_OPENS_MINUTES} 分钟开放，请稍后再试。` });
  }
  if (at >= s.endsAt) throw problem(409, { detail: "活动已结束，不能再签到。" });
}

type Action = "checkin" | "checkout" | "no-show" | "undo";

/**
 * One attendance step for one person of the sweep. A repeated tap (already in that state) answers
 * with `changed: false` and writes nothing, so a retry after a lost answer is harmless.
 */
export async function attend(
  db: Db,
  batch: BatchRunner,
  sweepId: string,
  action: Action,
  target: AttendanceTarget,
  now = new Date(),
): Promise<AttendanceResult> {
  const { sweep } = await loadSweep(db, sweepId);
  const row = await findTarget(db, sweepId, target);
  refuseIfApproved(sweep);
  const at = now.toISOString();
  let statement: Statement | undefined;
  if (action === "checkin") {
    refuseOutsideWindow(sweep, now);
    if (row.checkedInAt === null) statement = q.checkIn(sweepId, row.id, at);
  } else if (action === "checkout") {
    if (row.checkedInAt === null) throw problem(409, { detail: "这位志愿者还没有签到，不能签退。" });
    if (row.checkedOutAt === null) {
      const minutes = serviceMinutes(row.checkedInAt, at, sweep.startsAt, sweep.endsAt);
      statement = q.checkOut(sweepId, row.id, row.checkedInAt, minutes, at);
    }
  } else if (action === "no-show") {
    if (at < sweep.startsAt) throw problem(409, { detail: "活动开始后才能标记未到场。" });
    if (row.checkedInAt !== null) {
      throw problem(409, { detail: "这位志愿者已签到，不能标记为未到场；如签到有误，请先撤销。" });
    }
    if (row.attendance === null) statement = q.markNoShow(sweepId, row.id, at);
  } else {
    if (row.attendance === null) throw problem(409, { detail: "没有可撤销的签到或未到场记录。" });
    statement = q.undoAttendance(sweepId, row.id, at);
  }
  let changed = false;
  if (statement) {
    const [result] = await runRefusing(batch, [statement]);
    changed = (result?.rows.length ?? 0) > 0;
  }
  const after = (await q.daySignup(db, sweepId, row.id).get()) ?? row;
  return { entry: leaderEntry(after, sweep), changed };
}

/** Who may walk in: the sweep's minimum age on its day; a minor only with a guardian present who consents. */
function walkInRefusal(input: WalkIn, s: Sweep, now: Date) {
  const age = ageOn(input.birthMonth, chinaDay(new Date(s.startsAt)));
  const field = (pointer: string, detail: string) => ({ pointer, detail });
  if (ageOn(input.birthMonth, chinaDay(now)) < 0 || age > 100) {
    return [field("#/birthMonth", "出生年月不正确，请检查。")];
  }
  if (age < s.minAge) return [field("#/birthMonth", `这场活动要求年满 ${s.minAge} 周岁。`)];
  const minor = age < ADULT_AGE;
  if (!minor && !needsGuardian(s, input.birthMonth)) return [];
  const errors = [];
  if (!input.guardianName) errors.push(field("#/guardianName", "未成年人须由到场的监护人填写姓名"));
  if (!input.guardianPhone) errors.push(field("#/guardianPhone", "请填写监护人手机号码"));
  if (input.guardianConsented !== true) {
    errors.push(field("#/guardianConsented", "须确认监护人在场并当面同意"));
  }
  return errors;
}

/**
 * A walk-in onto a free place, confirmed and checked in at once (from an hour before the start
 * until the end). A full sweep refuses it (the capacity trigger), never waitlists it: the person
 * is standing there. Their own manage link is returned once, so they see their hours later.
 */
export async function walkIn(
  env: PersonKeyEnv,
  db: Db,
  batch: BatchRunner,
  sweepId: string,
  input: WalkIn,
  now = new Date(),
): Promise<WalkInResult> {
  const { sweep } = await loadSweep(db, sweepId);
  refuseIfApproved(sweep);
  refuseOutsideWindow(sweep, now);
  const errors = walkInRefusal(input, sweep, now);
  if (errors.length > 0) throw problem(422, { detail: errors[0]?.detail, errors });
  const key = await personKey(env, "sweep", input.phone);
  await refuseRepeatedNoShows(db, key, now);
  const minor = ageOn(input.birthMonth, chinaDay(new Date(sweep.startsAt))) < ADULT_AGE;
  const guardian = minor || needsGuardian(sweep, input.birthMonth);
  const manageToken = randomToken(16);
  let results: Awaited<ReturnType<BatchRunner["run"]>>;
  try {
    results = await batch.run(
      q.walkInBatch({
        sweepId,
        manageHash: await sha256Hex(manageToken),
        personKey: key,
        name: input.name,
        phone: input.phone,
        organisation: input.organisation,
        birthMonth: input.birthMonth,
        minor,
        guardianName: guardian ? (input.guardianName ?? null) : null,
        guardianPhone: guardian ? (input.guardianPhone ?? null) : null,
        now: now.toISOString(),
      }),
    );
  } catch (err) {
    if (String((err as Error)?.message ?? err).includes("sweep_full")) {
      throw problem(409, { detail: "本场已没有空余名额，不能再加现场报名。" });
    }
    throw refusalOf(err) ?? err;
  }
  const id = Number(results[2]?.rows[0]?.id);
  const row = await q.daySignup(db, sweepId, id).get();
  if (!row) throw new Error("walk-in batch wrote no row");
  return { entry: leaderEntry(row, sweep), managePath: `/volunteer/manage/#t=${manageToken}` };
}

/** The manage page's part of the day: the code while the place is confirmed, then attendance and hours. */
export async function manageDay(r: SweepSignup, s: Sweep): Promise<ManageDay> {
  return {
    checkinCode: r.status === "confirmed" ? await checkinCode(r.manageHash) : null,
    attendance: r.attendance,
    checkedInAt: r.checkedInAt,
    checkedOutAt: r.checkedOutAt,
    minutes: r.minutes,
    hoursApproved: s.hoursApprovedAt !== null,
  };
}
