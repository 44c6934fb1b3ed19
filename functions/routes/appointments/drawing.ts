import { type Context, Hono } from "hono";
import { DeskBookingIdSchema, DeskPointIdSchema } from "../../../src/shared/appointments/desk-schemas";
import type { DrawingInfo } from "../../../src/shared/appointments/wire";
import { MAX_PHOTO_BYTES } from "../../../src/shared/complaints/filing-schema";
import { ManageTokenSchema } from "../../../src/shared/sweeps/schemas";
import { bookingById } from "../../db/appointments/applications";
import type { AppEnv } from "../../env";
import { deskPointOf } from "../../lib/appointments/desk-scope";
import { assertDrawingAllowed, drawingKey, readDrawing, storeDrawing } from "../../lib/appointments/drawing";
import { openBooking } from "../../lib/appointments/manage";
import { clientAddress } from "../../lib/audit-context";
import { servePhoto } from "../../lib/complaints/request";
import { problem } from "../../lib/problem";
import { throttle } from "../../lib/throttle";
import { sha256Hex } from "../../lib/tokens";
import { limitUpload, parse } from "../../lib/validate";
import { currentStaff } from "../../middleware/authorize";

/**
 * The design drawing (效果图) of a booking, mounted at /api/appointments/manage/drawing: the holder
 * of the manage secret (header X-Manage-Token) uploads it (PUT, multipart, field `drawing`; a new
 * one replaces the old) and reads it back. functions/app.ts leaves this path's body limit to the
 * route, which counts the client before it reads anything.
 */
const drawing = new Hono<AppEnv>();

const bookingOf = async (c: Context<AppEnv>) =>
  openBooking(
    c.var.db,
    await sha256Hex(parse(ManageTokenSchema, c.req.header("x-manage-token"), "/headers/x-manage-token")),
  );

drawing.put(
  "/",
  async (c, next) => {
    await throttle(c.var.platform.limiters.complaint, [`appointment-drawing:${clientAddress(c)}`]);
    await next();
  },
  limitUpload(MAX_PHOTO_BYTES + 64 * 1024, "效果图不能超过 5 MB。"),
  async (c) => {
    const booking = await bookingOf(c);
    assertDrawingAllowed(booking);
    const file = await readDrawing(c.req.raw);
    return c.json<DrawingInfo>(await storeDrawing(c.var.platform.files, booking.id, file));
  },
);

drawing.get("/", async (c) => {
  const booking = await bookingOf(c);
  return servePhoto(c.var.platform.files, drawingKey(booking.id), "private, no-store");
});

export default drawing;

/**
 * A booking's drawing for the desk, mounted at /api/staff/appointments/points/:pointId/bookings/:id/drawing:
 * a clerk reaches only their own point's bookings (another point, or a booking of another point, is 404).
 */
export const staffDrawing = new Hono<AppEnv>();

staffDrawing.get("/", async (c) => {
  const point = deskPointOf(currentStaff(c), parse(DeskPointIdSchema, c.req.param("pointId") ?? "", "/params/pointId"));
  const id = Number(parse(DeskBookingIdSchema, c.req.param("id") ?? "", "/params/id"));
  const booking = await bookingById(c.var.db, id).get();
  if (!booking || booking.pointId !== point.id) throw problem(404, { detail: "没有找到这个预约。" });
  return servePhoto(c.var.platform.files, drawingKey(booking.id), "private, no-store");
});
