import { Hono } from "hono";
import { FiguresQuerySchema } from "../../../src/shared/complaints/staff-schemas";
import type { AppEnv } from "../../env";
import { figures } from "../../lib/complaints/figures";
import { validate } from "../../lib/validate";

/** The published figures for any period, per unit or per category. Mounted at /api/staff/figures. */
const staffFigures = new Hono<AppEnv>();

staffFigures.get("/", validate("query", FiguresQuerySchema), async (c) => {
  const { from, to, by } = c.req.valid("query");
  return c.json(await figures(c.var.db, by, from, to));
});

export default staffFigures;
