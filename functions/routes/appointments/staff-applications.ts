import { type Context, Hono } from "hono";
import {
  ApplicationNumberSchema,
  CorrectionSchema,
  DecideSchema,
  InspectionSchema,
  IntakeSchema,
  QueueQuerySchema,
  StepSchema,
  SuppliedSchema,
  WithdrawSchema,
} from "../../../src/shared/appointments/applications-schemas";
import type {
  ApplicationQueue,
  InspectionBooked,
  StaffApplicationView,
} from "../../../src/shared/appointments/applications-wire";
import { deskPointIdsFor } from "../../../src/shared/appointments/desk";
import { chinaDay } from "../../../src/shared/time";
import { applicationQueue, overdueApplications } from "../../db/appointments/applications";
import type { AppEnv } from "../../env";
import * as steps from "../../lib/appointments/applications";
import { loadForStaff, queueItem, staffApplicationView } from "../../lib/appointments/applications-view";
import { deskPointOf } from "../../lib/appointments/desk-scope";
import { audit } from "../../lib/audit-context";
import { parse, validate } from "../../lib/validate";
import { currentStaff } from "../../middleware/authorize";

/**
 * Signboard applications at the service point, mounted at /api/staff/appointments/applications:
 * intake from a booking, the steps of src/shared/appointments/applications.ts (each one batch with
 * its timeline row, the merchant's message and the audit row, version-checked), a point's queue and
 * the overdue board. A service point's clerk reaches only their own point; another's answers 404.
 */
const staffApplications = new Hono<AppEnv>();

type C = Context<AppEnv>;

const context = (c: C): steps.StepContext => ({
  db: c.var.db,
  batch: c.var.platform.batch,
  staff: currentStaff(c),
  audit: (action, target, detail) => audit(c, action, target, detail),
});

/** The application the path names, if the staff member's points include its point. */
const loaded = (c: C) =>
  loadForStaff(c.var.db, currentStaff(c), parse(ApplicationNumberSchema, c.req.param("number"), "/params/number"));

/** A point's open applications, the nearest deadline first. */
staffApplications.get("/", validate("query", QueueQuerySchema), async (c) => {
  const point = deskPointOf(currentStaff(c), c.req.valid("query").point);
  const today = chinaDay();
  const rows = await applicationQueue(c.var.db, point.id).all();
  return c.json<ApplicationQueue>({ today, items: rows.map((a) => queueItem(a, today)) });
});

/** Every open application past its step's last day: all points for the centre, one's own for a clerk. */
staffApplications.get("/overdue", async (c) => {
  const staff = currentStaff(c);
  const today = chinaDay();
  const points = staff.role === "service_point_staff" ? deskPointIdsFor(staff) : "all";
  const rows = await overdueApplications(c.var.db, today, points).all();
  return c.json<ApplicationQueue>({ today, items: rows.map((a) => queueItem(a, today)) });
});

staffApplications.post("/intake", validate("json", IntakeSchema), async (c) => {
  return c.json<StaffApplicationView>(await steps.intake(context(c), c.req.valid("json")), 201);
});

staffApplications.get("/:number", async (c) => c.json<StaffApplicationView>(staffApplicationView(await loaded(c))));

staffApplications.post("/:number/request-correction", validate("json", CorrectionSchema), async (c) =>
  c.json<StaffApplicationView>(await steps.requestCorrection(context(c), await loaded(c), c.req.valid("json"))),
);

staffApplications.post("/:number/materials-supplied", validate("json", SuppliedSchema), async (c) =>
  c.json<StaffApplicationView>(await steps.materialsSupplied(context(c), await loaded(c), c.req.valid("json"))),
);

staffApplications.post("/:number/accept", validate("json", StepSchema), async (c) =>
  c.json<StaffApplicationView>(await steps.accept(context(c), await loaded(c), c.req.valid("json"))),
);

staffApplications.post("/:number/book-inspection", validate("json", InspectionSchema), async (c) =>
  c.json<InspectionBooked>(await steps.bookInspection(context(c), await loaded(c), c.req.valid("json")), 201),
);

staffApplications.post("/:number/decide", validate("json", DecideSchema), async (c) =>
  c.json<StaffApplicationView>(await steps.decide(context(c), await loaded(c), c.req.valid("json"))),
);

staffApplications.post("/:number/close", validate("json", StepSchema), async (c) =>
  c.json<StaffApplicationView>(await steps.close(context(c), await loaded(c), c.req.valid("json"))),
);

staffApplications.post("/:number/withdraw", validate("json", WithdrawSchema), async (c) =>
  c.json<StaffApplicationView>(await steps.withdraw(context(c), await loaded(c), c.req.valid("json"))),
);

export default staffApplications;
