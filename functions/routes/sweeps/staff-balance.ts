import { Hono } from "hono";
import { FiguresQuerySchema, TargetsSchema, targetsOf } from "../../../src/shared/sweeps/figures";
import type { SweepCoverage, SweepFigures, SweepTargetList, SweepTargetsResult } from "../../../src/shared/sweeps/wire";
import { addDays } from "../../../src/shared/time";
import { replaceTargets, targetsOverlapping } from "../../db/sweeps/figures";
import type { AppEnv } from "../../env";
import { audit } from "../../lib/audit-context";
import { problem } from "../../lib/problem";
import { sweepCoverage, sweepFigures, targetPeriods } from "../../lib/sweeps/figures";
import { validate } from "../../lib/validate";

/**
 * Balance over communities for staff, mounted into the staff sweeps router (functions/routes/sweeps/staff.ts):
 * the communities' targets per period and the figures (counts only, never a name).
 */
const balance = new Hono<AppEnv>();

/** The target periods overlapping [from, to]. */
balance.get("/targets", validate("query", FiguresQuerySchema), async (c) => {
  const { from, to } = c.req.valid("query");
  const rows = await targetsOverlapping(c.var.db, from, addDays(to, 1)).all();
  return c.json<SweepTargetList>({ periods: targetPeriods(rows) });
});

/**
 * Sets one period's targets (a target per community, or a total in equal shares), replacing what that
 * period had: the rows and one audit row in one batch. A period that overlaps another one's without
 * being the same is refused, so no day is counted against two targets.
 */
balance.put("/targets", validate("json", TargetsSchema), async (c) => {
  const input = c.req.valid("json");
  const periodStart = input.from;
  const periodEnd = addDays(input.to, 1);
  const clash = (await targetsOverlapping(c.var.db, periodStart, periodEnd).all()).find(
    (r) => r.periodStart !== periodStart || r.periodEnd !== periodEnd,
  );
  if (clash) {
    throw problem(409, {
      detail: `与已有目标时段（${clash.periodStart} 至 ${addDays(clash.periodEnd, -1)}）重叠：请修改该时段，或换一个不重叠的时段。`,
    });
  }
  const now = new Date().toISOString();
  const targets = targetsOf(input);
  await c.var.platform.batch.run([
    ...replaceTargets(
      c.var.db,
      { periodStart, periodEnd },
      targets.map((t) => ({ ...t, periodStart, periodEnd, kind: input.kind, createdAt: now, updatedAt: now })),
    ),
    audit(c, "sweep.targets_set", `${periodStart}/${periodEnd}`, {
      kind: input.kind,
      targets: Object.fromEntries(targets.map((t) => [t.communityId, t.target])),
    }),
  ]);
  const stored = targetPeriods(
    (await targetsOverlapping(c.var.db, periodStart, periodEnd).all()).filter((r) => r.periodStart === periodStart),
  );
  return c.json<SweepTargetsResult>({
    period: stored[0] ?? { periodStart, periodEnd, kind: input.kind, targets: [], updatedAt: now },
  });
});

/** Coverage per community against its target, and the balance figure, for any period (a light read). */
balance.get("/coverage", validate("query", FiguresQuerySchema), async (c) => {
  const { from, to } = c.req.valid("query");
  return c.json<SweepCoverage>(await sweepCoverage(c.var.db, from, to));
});

/** Volunteers, sign-ups, attendance and hours by community, organisation and month; coverage and balance. */
balance.get("/figures", validate("query", FiguresQuerySchema), async (c) => {
  const { from, to } = c.req.valid("query");
  return c.json<SweepFigures>(await sweepFigures(c.var.db, from, to));
});

export default balance;
