import { Hono } from "hono";
import { AttendanceTargetSchema, SignupTargetSchema, WalkInSchema } from "../../../src/shared/sweeps/day-schemas";
import { ManageTokenSchema } from "../../../src/shared/sweeps/schemas";
import type { AttendanceResult, LeaderRoster, WalkInResult } from "../../../src/shared/sweeps/wire";
import type { AppEnv } from "../../env";
import { attend, leaderRoster, sweepIdOfLeaderToken, walkIn } from "../../lib/sweeps/day";
import { parse, validate } from "../../lib/validate";

type Resolve = (c: {
  req: { header(n: string): string | undefined; param(n: string): string | undefined };
  var: AppEnv["Variables"];
}) => Promise<string>;

/**
 * The leader's endpoints for one sweep, whichever way the sweep is found: by the leader link's
 * secret (below, at /api/sweeps/lead) or by a signed-in coordinator's :id (staff-day.ts).
 */
export function dayRoutes(sweepOf: Resolve) {
  const day = new Hono<AppEnv>();

  day.get("/", async (c) => {
    c.header("cache-control", "no-store");
    return c.json<LeaderRoster>(await leaderRoster(c.var.db, await sweepOf(c)));
  });

  for (const action of ["checkin", "checkout"] as const) {
    day.post(`/${action}`, validate("json", AttendanceTargetSchema), async (c) => {
      const sweepId = await sweepOf(c);
      return c.json<AttendanceResult>(
        await attend(c.var.db, c.var.platform.batch, sweepId, action, c.req.valid("json")),
      );
    });
  }

  for (const action of ["no-show", "undo"] as const) {
    day.post(`/${action}`, validate("json", SignupTargetSchema), async (c) => {
      const sweepId = await sweepOf(c);
      return c.json<AttendanceResult>(
        await attend(c.var.db, c.var.platform.batch, sweepId, action, c.req.valid("json")),
      );
    });
  }

  day.post("/walk-ins", validate("json", WalkInSchema), async (c) => {
    const sweepId = await sweepOf(c);
    return c.json<WalkInResult>(await walkIn(c.env, c.var.db, c.var.platform.batch, sweepId, c.req.valid("json")), 201);
  });

  return day;
}

/**
 * The leader link's API, mounted at /api/sweeps/lead: the secret (128 bits, as a manage link's)
 * travels in the x-leader-token header and opens exactly one sweep.
 */
const lead = dayRoutes((c) =>
  sweepIdOfLeaderToken(c.var.db, parse(ManageTokenSchema, c.req.header("x-leader-token"), "/headers/x-leader-token")),
);

export default lead;
