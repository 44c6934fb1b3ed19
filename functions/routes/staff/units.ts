import { Hono } from "hono";
import type { Unit } from "../../../src/shared/staff/wire";
import { listUnits } from "../../db/staff/units";
import type { AppEnv } from "../../env";

const unitRoutes = new Hono<AppEnv>();

unitRoutes.get("/", async (c) => c.json<Unit[]>(await listUnits(c.var.db).all()));

export default unitRoutes;
