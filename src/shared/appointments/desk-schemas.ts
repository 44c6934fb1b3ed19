// Inputs of the service point's desk (/api/staff/appointments), shared by the API and the desk page.
import * as v from "valibot";
import { PlainText } from "../text.ts";
import { isDay } from "../time.ts";
import { BookingSchema } from "./schemas.ts";

export const DESK_NOTE_MAX = 500;

/** A point's id in a path (the data's ids; an unknown one is 404 later, like another point's). */
export const DeskPointIdSchema = v.pipe(v.string(), v.regex(/^[a-z0-9-]{2,40}$/, "服务点无效"));

/** A booking's row id in a path. */
export const DeskBookingIdSchema = v.pipe(v.string(), v.regex(/^[1-9]\d{0,15}$/, "预约编号无效"));

/** GET …/points/:pointId/day?date=YYYY-MM-DD (China-time day; today when absent). */
export const DeskDayQuerySchema = v.object({
  date: v.optional(v.pipe(v.string(), v.check(isDay, "日期应为 YYYY-MM-DD"))),
});

const Note = v.pipe(
  v.string("请填写备注"),
  PlainText,
  v.trim(),
  v.maxLength(DESK_NOTE_MAX, `备注不超过 ${DESK_NOTE_MAX} 字`),
);

/**
 * PUT …/bookings/:id/note: the note and the note the tablet last saw (null for none), so a note
 * another tablet saved meanwhile is never overwritten unseen (409 with the current one).
 */
export const DeskNoteSchema = v.object({
  note: Note,
  previous: v.nullable(v.string()),
});
export type DeskNoteInput = v.InferInput<typeof DeskNoteSchema>;

/** POST …/bookings/:id/undo: what the tablet saw, so an undo never reverts another tablet's newer step. */
export const DeskUndoSchema = v.object({
  from: v.picklist(["attended", "no_show"], "只能撤销签到或未到"),
});

/** POST …/points/:pointId/walk-ins: a merchant at the counter, put onto a free desk slot of today. */
export const WalkInSchema = v.object({
  slotId: BookingSchema.entries.slotId,
  name: BookingSchema.entries.name,
  phone: BookingSchema.entries.phone,
  shopName: BookingSchema.entries.shopName,
  shopAddress: BookingSchema.entries.shopAddress,
  note: v.optional(Note, ""),
});
export type WalkInInput = v.InferInput<typeof WalkInSchema>;
export type WalkIn = v.InferOutput<typeof WalkInSchema>;
