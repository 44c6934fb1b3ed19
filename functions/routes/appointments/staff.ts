import { Hono } from "hono";
import type { AppEnv } from "../../env";
import { deskPoints } from "../../lib/appointments/desk-scope";
import { currentStaff } from "../../middleware/authorize";

/**
 * The service points' staff API, mounted at /api/staff/appointments: the desk's day view and its
 * check-ins, no-shows, walk-ins and notes (service-point staff for their own point, admins for
 * every point; dispatchers read every point). Other parts of the feature mount their routers below.
 */
const staffAppointments = new Hono<AppEnv>();

// The sub-features' staff routers are mounted here, before any `/:param` route of this file that
// would otherwise match their first path segment.
// ---- sub-feature mounts ----
// ---- end of sub-feature mounts ----

/** The points this staff member may open at the desk (a service point's clerk: only their own). */
staffAppointments.get("/points", (c) => c.json(deskPoints(currentStaff(c))));

export default staffAppointments;
