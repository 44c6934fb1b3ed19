import { Hono } from "hono";
import { type AppointmentFigures, StaffFiguresQuerySchema } from "../../../src/shared/appointments/figures";
import type { AppEnv } from "../../env";
import { appointmentFigures, figuresPeriod, figuresPointsFor } from "../../lib/appointments/figures";
import { validate } from "../../lib/validate";
import { currentStaff } from "../../middleware/authorize";

/**
 * The service points' figures for staff, mounted at /api/staff/appointments/figures: the public
 * figures without the small-number rule, for any period of at most a year, every point for the
 * centre and a clerk's own (`point` narrows to one; another clerk's point answers 404).
 */
const staffFigures = new Hono<AppEnv>();

staffFigures.get("/", validate("query", StaffFiguresQuerySchema), async (c) => {
  const query = c.req.valid("query");
  const points = figuresPointsFor(currentStaff(c), query.point);
  c.header("cache-control", "private, no-store");
  return c.json<AppointmentFigures>(await appointmentFigures(c.var.db, figuresPeriod(query), points, 0));
});

export default staffFigures;
