import { Hono } from "hono";
import type { AppEnv } from "../../env";
import { authorize } from "../../middleware/authorize";
import { sameOrigin } from "../../middleware/same-origin";
import { staffSession } from "../../middleware/staff-session";
import appointments from "../appointments/staff";
import complaints from "../complaints/staff";
import figures from "../complaints/staff-figures";
import open311Keys from "../open311/staff";
import sweeps from "../sweeps/staff";
import accounts from "./accounts";
import audit from "./audit";
import auth from "./auth";
import { STAFF_ROUTE_PERMISSIONS } from "./route-permissions";
import units from "./units";

/** Everything under /api/staff: same-origin JSON writes, a session, then the permission table. */
const staff = new Hono<AppEnv>();

staff.use(sameOrigin(), staffSession(), authorize(STAFF_ROUTE_PERMISSIONS));
staff.use(async (c, next) => {
  await next();
  c.header("cache-control", "no-store");
});

staff.route("/auth", auth);
staff.route("/accounts", accounts);
staff.route("/units", units);
staff.route("/audit", audit);
staff.route("/complaints", complaints);
staff.route("/figures", figures);
staff.route("/sweeps", sweeps);
staff.route("/appointments", appointments);
staff.route("/open311/keys", open311Keys);

export default staff;
