import { type Context, Hono } from "hono";
import {
  DeskBookingIdSchema,
  DeskDayQuerySchema,
  DeskNoteSchema,
  DeskPointIdSchema,
  DeskUndoSchema,
  WalkInSchema,
} from "../../../src/shared/appointments/desk-schemas";
import type { DeskDay, DeskStepResult } from "../../../src/shared/appointments/wire";
import { can } from "../../../src/shared/staff/roles";
import { chinaDay } from "../../../src/shared/time";
import type { AppEnv } from "../../env";
import { deskDay } from "../../lib/appointments/desk";
import { deskPointOf, deskPoints } from "../../lib/appointments/desk-scope";
import { type DeskContext, type DeskStep, deskNote, deskStep, deskWalkIn } from "../../lib/appointments/desk-steps";
import { audit, clientAddress } from "../../lib/audit-context";
import { parse, validate } from "../../lib/validate";
import { currentStaff } from "../../middleware/authorize";
import { staffDrawing } from "./drawing";
import staffApplications from "./staff-applications";
import staffCalendar from "./staff-calendar";
import staffFigures from "./staff-figures";

/**
 * The service points' staff API, mounted at /api/staff/appointments: the desk's day view and its
 * check-ins, no-shows, walk-ins and notes (service-point staff for their own point, admins for
 * every point; dispatchers read every point). Other parts of the feature mount their routers below.
 */
const staffAppointments = new Hono<AppEnv>();

// The sub-features' staff routers are mounted here, before any `/:param` route of this file that
// would otherwise match their first path segment.
// ---- sub-feature mounts ----
staffAppointments.route("/applications", staffApplications);
staffAppointments.route("/", staffCalendar);
staffAppointments.route("/figures", staffFigures);
staffAppointments.route("/points/:pointId/bookings/:id/drawing", staffDrawing);
// ---- end of sub-feature mounts ----

type C = Context<AppEnv>;

/** The point of the path, if this staff member's unit works it (another point is 404, as an unknown one). */
const pointOf = (c: C) =>
  deskPointOf(currentStaff(c), parse(DeskPointIdSchema, c.req.param("pointId") ?? "", "/params/pointId"));

const bookingIdOf = (c: C) => Number(parse(DeskBookingIdSchema, c.req.param("id") ?? "", "/params/id"));

function deskContext(c: C): DeskContext {
  const staff = currentStaff(c);
  return {
    db: c.var.db,
    batch: c.var.platform.batch,
    point: pointOf(c),
    actor: { actorId: staff.id, actorEmail: staff.email, clientIp: clientAddress(c), requestId: c.var.requestId },
    now: new Date(),
  };
}

/** The points this staff member may open at the desk (a service point's clerk: only their own). */
staffAppointments.get("/points", (c) => c.json(deskPoints(currentStaff(c))));

/**
 * A point's day: bookings in slot order with names and phones (masked for read-only roles), the
 * inspection team's visits with addresses and each slot's free places. Audited, as the sweeps'
 * roster is: every read of the merchants' contacts leaves a row.
 */
staffAppointments.get("/points/:pointId/day", validate("query", DeskDayQuerySchema), async (c) => {
  const staff = currentStaff(c);
  const point = pointOf(c);
  const now = new Date();
  const date = c.req.valid("query").date ?? chinaDay(now);
  const canAct = can(staff.role, "appointments:desk");
  const [, day] = await Promise.all([
    c.var.platform.batch.run([audit(c, "appointment.day_viewed", `${point.id}/${date}`, { contactsShown: canAct })]),
    deskDay(c.var.db, { point, date, now, canAct, contactsShown: canAct }),
  ]);
  return c.json<DeskDay>(day);
});

/** Check-in on arrival and no-show (after the slot started): no body; a repeated tap writes nothing. */
const step = (name: Exclude<DeskStep, "undo">) => async (c: C) =>
  c.json<DeskStepResult>(await deskStep(deskContext(c), bookingIdOf(c), name));

staffAppointments.post("/points/:pointId/bookings/:id/check-in", step("check-in"));
staffAppointments.post("/points/:pointId/bookings/:id/no-show", step("no-show"));

/** Back to booked from what the tablet saw (a walk-in's check-in undone cancels it, freeing the place). */
staffAppointments.post("/points/:pointId/bookings/:id/undo", validate("json", DeskUndoSchema), async (c) =>
  c.json<DeskStepResult>(await deskStep(deskContext(c), bookingIdOf(c), "undo", c.req.valid("json").from)),
);

staffAppointments.put("/points/:pointId/bookings/:id/note", validate("json", DeskNoteSchema), async (c) => {
  const ctx = deskContext(c);
  const { note, previous } = c.req.valid("json");
  return c.json<DeskStepResult>(await deskNote(ctx, bookingIdOf(c), note, previous));
});

staffAppointments.post("/points/:pointId/walk-ins", validate("json", WalkInSchema), async (c) => {
  const ctx = deskContext(c);
  return c.json<DeskStepResult>(await deskWalkIn(c.env, ctx, c.req.valid("json")), 201);
});

export default staffAppointments;
