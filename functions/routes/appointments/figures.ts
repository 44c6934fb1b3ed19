import { Hono } from "hono";
import { type AppointmentFigures, PublicFiguresQuerySchema } from "../../../src/shared/appointments/figures";
import type { AppEnv } from "../../env";
import { figuresPeriod, publicFigures } from "../../lib/appointments/figures";
import { validate } from "../../lib/validate";

/**
 * The service points' public figures, mounted at /api/appointments/figures: bookings, no-shows,
 * working days from intake to decision, the on-time rate and trips per application, per point and
 * bureau-wide, for whole China-time days (the last full month by default, at most a year). Counts
 * only, with the small-number rule of src/shared/appointments/figures.ts.
 */
const figures = new Hono<AppEnv>();

figures.get("/", validate("query", PublicFiguresQuerySchema), async (c) => {
  const period = figuresPeriod(c.req.valid("query"));
  c.header("cache-control", "public, max-age=300");
  return c.json<AppointmentFigures>(await publicFigures(c.var.db, period));
});

export default figures;
