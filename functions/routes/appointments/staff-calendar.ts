import { type Context, Hono, type Next } from "hono";
import * as v from "valibot";
import {
  ClosureInputSchema,
  ClosurePeriodSchema,
  TemplateSaveSchema,
} from "../../../src/shared/appointments/calendar-staff";
import type {
  AffectedList,
  ClosureResult,
  ClosureView,
  StaffCalendarView,
  TemplateSaved,
} from "../../../src/shared/appointments/calendar-staff-wire";
import { DeskPointIdSchema } from "../../../src/shared/appointments/desk-schemas";
import { can } from "../../../src/shared/staff/roles";
import type { AppEnv } from "../../env";
import {
  affectedBookings,
  type CalendarContext,
  calendarView,
  closePoint,
  closureOf,
  reopen,
  saveTemplate,
} from "../../lib/appointments/closures";
import { deskPointOf } from "../../lib/appointments/desk-scope";
import { clientAddress } from "../../lib/audit-context";
import { parse, validate } from "../../lib/validate";
import { currentStaff } from "../../middleware/authorize";

/**
 * A service point's calendar for staff (mounted in routes/appointments/staff.ts): its weeks against
 * the 10-hour rule, the weekly template (saved over the data's, version-checked) and closures. A
 * clerk reaches only their own point: another answers 404 before its body is even read.
 */
const staffCalendar = new Hono<AppEnv>();

type C = Context<AppEnv>;

const pointOf = (c: C) =>
  deskPointOf(currentStaff(c), parse(DeskPointIdSchema, c.req.param("pointId") ?? "", "/params/pointId"));

/** Another point is 404 whatever the body: checked before the body's validation. */
const scoped = async (c: C, next: Next) => {
  pointOf(c);
  await next();
};

function context(c: C, point = pointOf(c)): CalendarContext {
  const staff = currentStaff(c);
  return {
    db: c.var.db,
    batch: c.var.platform.batch,
    point,
    actor: { actorId: staff.id, actorEmail: staff.email, clientIp: clientAddress(c), requestId: c.var.requestId },
    now: new Date(),
  };
}

/** The weeks from this one to the horizon and 8 more: real hours, flags below 10 h with why, missing holiday years. */
staffCalendar.get("/points/:pointId/calendar", async (c) => {
  const canEdit = can(currentStaff(c).role, "appointments:calendar");
  return c.json<StaffCalendarView>(await calendarView(c.var.db, pointOf(c), new Date(), canEdit));
});

/** The week's template: 422 below the weekly minimum (naming the hours), 409 over a stale version. */
staffCalendar.put("/points/:pointId/template", scoped, validate("json", TemplateSaveSchema()), async (c) =>
  c.json<TemplateSaved>(await saveTemplate(context(c), c.req.valid("json"))),
);

/** Who a closure of this period would cancel, to confirm before closing. */
staffCalendar.get("/points/:pointId/closures/affected", scoped, validate("query", ClosurePeriodSchema), async (c) => {
  const bookings = await affectedBookings(c.var.db, pointOf(c), c.req.valid("query"), new Date());
  return c.json<AffectedList>({ bookings });
});

/** Closes the point for a day or part of one: the bookings in it are cancelled and told, in one batch. */
staffCalendar.post("/points/:pointId/closures", scoped, validate("json", ClosureInputSchema), async (c) =>
  c.json<ClosureResult>(await closePoint(context(c), c.req.valid("json")), 201),
);

const ClosureIdSchema = v.pipe(v.string(), v.regex(/^[1-9]\d{0,15}$/, "闭门编号无效"));

/** Reopens a closure; the point is the closure's own (another point's is 404, as an unknown one). */
staffCalendar.delete("/closures/:id", async (c) => {
  const staff = currentStaff(c);
  const id = Number(parse(ClosureIdSchema, c.req.param("id") ?? "", "/params/id"));
  const closure = await closureOf(c.var.db, id, (pointId) => deskPointOf(staff, pointId));
  const point = deskPointOf(staff, closure.pointId);
  return c.json<ClosureView>(await reopen(context(c, point), closure));
});

export default staffCalendar;
