import { Hono } from "hono";
import * as v from "valibot";
import { can } from "../../../src/shared/staff/roles";
import { MinutesCorrectionSchema } from "../../../src/shared/sweeps/day-schemas";
import { SweepIdSchema } from "../../../src/shared/sweeps/schemas";
import type { HoursApproved, LeaderLink, MinutesCorrected, SweepHours } from "../../../src/shared/sweeps/wire";
import * as q from "../../db/sweeps/day";
import type { AppEnv } from "../../env";
import { audit } from "../../lib/audit-context";
import { problem } from "../../lib/problem";
import { loadSweep } from "../../lib/sweeps/day";
import { runRefusing } from "../../lib/sweeps/errors";
import { correctionLimit, hoursRow, sweepHours } from "../../lib/sweeps/hours";
import { randomToken, sha256Hex } from "../../lib/tokens";
import { parse, validate } from "../../lib/validate";
import { currentStaff } from "../../middleware/authorize";
import { dayRoutes } from "./lead";

/**
 * The day and after, for coordinators (mounted in staff.ts under /api/staff/sweeps): a sweep's
 * leader link, the leader's endpoints by the sweep's id, and the hours' review, approval and
 * corrections, each write one batch with its audit row.
 */
const day = new Hono<AppEnv>();

const SweepSignupIdParam = v.pipe(v.string(), v.regex(/^[1-9]\d{0,15}$/, "报名编号无效"));

const sweepIdOf = (c: { req: { param(n: string): string | undefined } }) =>
  parse(SweepIdSchema, c.req.param("id"), "/params/id");

/** A new leader link (128-bit secret, stored hashed): any earlier link of the sweep stops working. */
day.post("/:id/leader-link", async (c) => {
  const { sweep } = await loadSweep(c.var.db, sweepIdOf(c));
  if (sweep.state === "cancelled") throw problem(409, { detail: "这场活动已取消。" });
  const token = randomToken(16);
  await runRefusing(c.var.platform.batch, [
    q.setLeaderHash(sweep.id, await sha256Hex(token), new Date().toISOString()),
    audit(c, "sweep.leader_link_issued", sweep.id),
  ]);
  return c.json<LeaderLink>({ token, leaderPath: `/volunteer/lead/#t=${token}` }, 201);
});

// The leader's page by the sweep's id, for a coordinator on the street without a leader link.
day.route(
  "/:id/day",
  dayRoutes(async (c) => sweepIdOf(c)),
);

day.get("/:id/hours", async (c) => {
  const contactsShown = can(currentStaff(c).role, "sweeps:contact");
  c.header("cache-control", "no-store");
  return c.json<SweepHours>(await sweepHours(c.var.db, sweepIdOf(c), contactsShown));
});

/** Approves the sweep's hours (after it ended, every attended person's minutes recorded); each is told. */
day.post("/:id/hours/approve", async (c) => {
  const staff = currentStaff(c);
  const view = await sweepHours(c.var.db, sweepIdOf(c), false);
  if (view.hoursApprovedAt) throw problem(409, { detail: "本场时长已审核。" });
  if (view.sweep.endsAt > new Date().toISOString()) throw problem(409, { detail: "活动结束后才能审核时长。" });
  if (view.missingMinutes > 0) {
    throw problem(409, { detail: `还有 ${view.missingMinutes} 人签到后未签退，请先更正其时长再审核。` });
  }
  const now = new Date().toISOString();
  const [update, messages] = await runRefusing(c.var.platform.batch, [
    ...q.approveHoursBatch(view.sweep.id, staff.id, now),
    audit(c, "sweep.hours_approved", view.sweep.id, { totalMinutes: view.totalMinutes }),
  ]);
  if ((update?.rows.length ?? 0) === 0) throw problem(409, { detail: "本场时长已审核。" });
  return c.json<HoursApproved>({ hoursApprovedAt: now, messaged: messages?.changes ?? 0 });
});

/** Corrects one person's minutes with a reason (audited; after approval it is a recorded correction). */
day.patch("/:id/signups/:signupId/minutes", validate("json", MinutesCorrectionSchema), async (c) => {
  const sweepId = sweepIdOf(c);
  const signupId = Number(parse(SweepSignupIdParam, c.req.param("signupId"), "/params/signupId"));
  const { sweep } = await loadSweep(c.var.db, sweepId);
  const before = await q.daySignup(c.var.db, sweepId, signupId).get();
  if (!before) throw problem(404, { detail: "本场活动没有这位志愿者。" });
  const { minutes, reason } = c.req.valid("json");
  const limit = correctionLimit(sweep);
  if (minutes > limit) {
    const detail = `时长不能超过活动安排的 ${limit} 分钟。`;
    throw problem(422, { detail, errors: [{ pointer: "#/minutes", detail }] });
  }
  const afterApproval = sweep.hoursApprovedAt !== null;
  await runRefusing(c.var.platform.batch, [
    q.correctMinutes(sweepId, signupId, minutes, new Date().toISOString()),
    audit(c, "sweep.minutes_corrected", `${sweepId}/${signupId}`, {
      from: before.minutes,
      to: minutes,
      reason,
      afterApproval,
    }),
  ]);
  const after = (await q.daySignup(c.var.db, sweepId, signupId).get()) ?? before;
  return c.json<MinutesCorrected>({ row: hoursRow(after, can(currentStaff(c).role, "sweeps:contact")), afterApproval });
});

export default day;
