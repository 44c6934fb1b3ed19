import { Hono } from "hono";
import { appointmentIcs } from "../../../src/shared/appointments/ics";
import { pointById } from "../../../src/shared/appointments/points";
import { BookingSchema, RescheduleSchema, SlotsQuerySchema } from "../../../src/shared/appointments/schemas";
import type {
  AppointmentView,
  BookingResult,
  CancelResult,
  PointList,
  RescheduleResult,
  SlotListResult,
} from "../../../src/shared/appointments/wire";
import { IdempotencyKeySchema } from "../../../src/shared/complaints/schemas";
import { ManageTokenSchema } from "../../../src/shared/sweeps/schemas";
import type { AppEnv } from "../../env";
import { book } from "../../lib/appointments/book";
import { cancelBooking, manageView, reschedule } from "../../lib/appointments/manage";
import { pointList } from "../../lib/appointments/points";
import { freeSlots } from "../../lib/appointments/slots";
import { clientAddress } from "../../lib/audit-context";
import { throttle } from "../../lib/throttle";
import { sha256Hex } from "../../lib/tokens";
import { parse, validate } from "../../lib/validate";
import applications from "./applications";
import drawing from "./drawing";
import figures from "./figures";

/** Public appointments, mounted at /api/appointments: points, free slots, booking and the booking's manage link. */
const appointments = new Hono<AppEnv>();

// The sub-features' public routers, each in its own file, mounted with one line here.
// ---- sub-feature mounts ----
appointments.route("/applications", applications);
appointments.route("/figures", figures);
appointments.route("/manage/drawing", drawing);
// ---- end of sub-feature mounts ----

appointments.get("/points", async (c) => c.json<PointList>(await pointList(c.var.db, new Date())));

// Not cached: places left must be current, or a merchant who just booked sees the old count.
appointments.get("/slots", validate("query", SlotsQuerySchema), async (c) => {
  const { point, service, from } = c.req.valid("query");
  return c.json<SlotListResult>(await freeSlots(c.var.db, point, service, new Date(), from));
});

appointments.post(
  "/bookings",
  // The client is counted before its body is read (the complaints' per-client limiter, a key of its own).
  async (c, next) => {
    await throttle(c.var.platform.limiters.complaint, [`appointment-book:${clientAddress(c)}`]);
    await next();
  },
  validate("json", BookingSchema),
  async (c) => {
    const idempotencyKey = parse(IdempotencyKeySchema, c.req.header("idempotency-key"), "/headers/idempotency-key");
    const { replayed, ...result } = await book(
      c.env,
      c.var.db,
      c.var.platform.batch,
      c.req.valid("json"),
      idempotencyKey,
    );
    if (replayed) c.header("idempotent-replayed", "true");
    c.header("location", result.managePath);
    return c.json<BookingResult>(result, 201);
  },
);

/** The manage secret (header X-Manage-Token, never a query string) as the hash stored. */
const manageHash = (c: { req: { header(n: string): string | undefined } }) =>
  sha256Hex(parse(ManageTokenSchema, c.req.header("x-manage-token"), "/headers/x-manage-token"));

appointments.get("/manage", async (c) => {
  c.header("cache-control", "no-store");
  return c.json<AppointmentView>(await manageView(c.var.db, await manageHash(c)));
});

/**
 * The booking as a calendar file, always its current state (SEQUENCE from the version, METHOD:CANCEL
 * once cancelled). The link back carries the secret the request brought, as the manage link does.
 */
appointments.get("/manage/calendar.ics", async (c) => {
  const token = parse(ManageTokenSchema, c.req.header("x-manage-token"), "/headers/x-manage-token");
  const view = await manageView(c.var.db, await sha256Hex(token));
  const point = pointById(view.point.id);
  const host = new URL(c.req.url).host;
  const text = appointmentIcs(
    {
      bookingNumber: view.bookingNumber,
      version: view.version,
      cancelled: view.status === "cancelled" || view.status === "late_cancelled",
      serviceName: view.serviceName,
      pointName: view.point.name,
      location: view.service === "inspection" ? view.shopAddress : (point?.address ?? view.point.address),
      start: view.start,
      end: view.end,
      bring: view.bring.filter((b) => b.for !== "agent"),
      url: `${new URL(c.req.url).origin}/appointments/manage/#t=${token}`,
    },
    { host, now: new Date() },
  );
  return c.body(text, 200, {
    "content-type": "text/calendar; charset=utf-8",
    "content-disposition": `attachment; filename="appointment-${view.bookingNumber}.ics"`,
    "cache-control": "no-store",
  });
});

appointments.delete("/manage", async (c) => {
  return c.json<CancelResult>(await cancelBooking(c.var.db, c.var.platform.batch, await manageHash(c)));
});

appointments.post("/manage/reschedule", validate("json", RescheduleSchema), async (c) => {
  const hash = await manageHash(c);
  const { slotId } = c.req.valid("json");
  return c.json<RescheduleResult>(await reschedule(c.var.db, c.var.platform.batch, hash, slotId));
});

export default appointments;
