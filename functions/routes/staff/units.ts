import { Hono } from "hono";
import { listUnits } from "../../db/staff/index";
import type { AppEnv } from "../../env";

const unitRoutes = new Hono<AppEnv>();

unitRoutes.get("/", async (c) => c.json(await listUnits(c.var.db)));

export default unitRoutes;
