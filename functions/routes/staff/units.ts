import { Hono } from "hono";
import type { Unit } from "../../../src/shared/staff/wire";
import { listUnits } from "../../db/staff/index";
import type { AppEnv } from "../../env";

const unitRoutes = new Hono<AppEnv>();

unitRoutes.get("/", async (c) => c.json<Unit[]>(await listUnits(c.var.db)));

export default unitRoutes;
