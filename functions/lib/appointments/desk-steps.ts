import { slotsOfDay } from "../../../src/shared/appointments/desk";
import type { WalkIn } from "../../../src/shared/appointments/desk-schemas";
import type { ServicePoint } from "../../../src/shared/appointments/points";
import { parseSlotId } from "../../../src/shared/appointments/slots";
import type { DeskStepResult } from "../../../src/shared/appointments/wire";
import { chinaDay, dayEnd, dayStart } from "../../../src/shared/time";
import { closuresIn, storedTemplates } from "../../db/appointments/calendar";
import * as q from "../../db/appointments/desk";
import type { Appointment } from "../../db/appointments/index";
import type { Statement } from "../../db/batch";
import type { Db } from "../../db/client";
import type { BatchRunner } from "../../platform/ports";
import { type PersonKeyEnv, personKey } from "../person-key";
import { problem } from "../problem";
import { randomToken, sha256Hex } from "../tokens";
import { newBookingNumber } from "./book";
import { storedCalendar } from "./calendar";
import { deskEntry } from "./desk";
import { isRefusal, refusalOf } from "./errors";

// The desk's steps on one booking of a point: check-in, no-show, undo and the note, and walk-ins.
// Each write is one batch (the step's UPDATE or INSERT and its audit row); what a step starts from
// is in its WHERE, so a second tablet's tap changes nothing and is answered `changed: false`, or
// 409 when the booking moved on to something the step cannot follow.

export interface DeskContext {
  db: Db;
  batch: BatchRunner;
  point: ServicePoint;
  actor: q.DeskActor;
  now: Date;
}

export type DeskStep = "check-in" | "no-show" | "undo";

async function rowOf(ctx: DeskContext, id: number): Promise<Appointment> {
  const row = await q.deskRow(ctx.db, ctx.point.id, id).get();
  if (!row) throw problem(404, { detail: "本服务点没有这条预约。" });
  return row;
}

const refused = (detail: string) => problem(409, { detail });

/** Why a step cannot apply to the row as it is now (undefined: it can, or it is already done). */
function refusal(step: DeskStep, row: Appointment, now: Date, from?: "attended" | "no_show"): string | undefined {
  const at = now.toISOString();
  if (row.status === "cancelled" || row.status === "late_cancelled") return "这条预约已取消。";
  if (step === "check-in") {
    if (row.status === "no_show") return "这条预约已标记未到；如本人已到，请先撤销未到再签到。";
    if (row.status === "booked" && chinaDay(new Date(row.slotStart)) !== chinaDay(now)) return "只能为当天的预约签到。";
  } else if (step === "no-show") {
    if (row.status === "attended") return "这位已签到，不能标记未到；如签到有误，请先撤销。";
    if (row.status === "booked" && row.slotStart > at) return "预约时段开始后才能标记未到。";
  } else if (row.status !== from && row.status !== "booked") {
    return `这条预约现在是“${row.status === "attended" ? "已签到" : "未到"}”，已被另一台设备改过，请刷新后再试。`;
  }
  return undefined;
}

/** Whether the row already is where the step leads (a repeated tap). */
const alreadyDone = (step: DeskStep, row: Appointment) =>
  (step === "check-in" && row.status === "attended") ||
  (step === "no-show" && row.status === "no_show") ||
  (step === "undo" && row.status === "booked");

const AUDIT = {
  "check-in": "appointment.checked_in",
  "no-show": "appointment.no_show",
  undo: "appointment.undone",
} as const;

/** One step on one booking of the point, one batch with its audit row; a repeat writes nothing. */
export async function deskStep(
  ctx: DeskContext,
  id: number,
  step: DeskStep,
  from?: "attended" | "no_show",
): Promise<DeskStepResult> {
  const row = await rowOf(ctx, id);
  const why = refusal(step, row, ctx.now, from);
  if (why) throw refused(why);
  let changed = false;
  if (!alreadyDone(step, row)) {
    const at = ctx.now.toISOString();
    const statement: Statement =
      step === "check-in"
        ? q.checkIn(ctx.point.id, id, ctx.actor.actorId, at)
        : step === "no-show"
          ? q.markNoShow(ctx.point.id, id, at)
          : q.undoStep(ctx.point.id, id, from ?? "attended", at);
    const detail = { bookingNumber: row.bookingNumber, from: row.status };
    try {
      const [result] = await ctx.batch.run([statement, q.deskAudit(ctx.actor, AUDIT[step], row.bookingNumber, detail)]);
      changed = (result?.changes ?? 0) > 0;
    } catch (err) {
      if (isRefusal(err, "slot_full")) throw refused("这个时段的名额已被占用（可能是现场登记），不能撤销为待到。");
      throw refusalOf(err) ?? err;
    }
  }
  const after = await rowOf(ctx, id);
  if (!changed && !alreadyDone(step, after)) {
    throw refused(refusal(step, after, ctx.now, from) ?? "这条预约已被另一台设备改过，请刷新后再试。");
  }
  return { entry: deskEntry(after, true), changed };
}

/** The desk's note over the note the tablet saw; another tablet's newer note is 409 with it. */
export async function deskNote(ctx: DeskContext, id: number, note: string, previous: string | null) {
  const row = await rowOf(ctx, id);
  const value = note === "" ? null : note;
  if (row.deskNote === value) return { entry: deskEntry(row, true), changed: false };
  if (row.deskNote !== previous) {
    throw problem(409, {
      detail: "备注已被另一台设备修改，请看过后再保存。",
      extensions: { currentNote: row.deskNote },
    });
  }
  const [result] = await ctx.batch.run([
    q.setNote(ctx.point.id, id, value, previous, ctx.now.toISOString()),
    q.deskAudit(ctx.actor, "appointment.note_saved", row.bookingNumber, { length: value?.length ?? 0 }),
  ]);
  const after = await rowOf(ctx, id);
  if ((result?.changes ?? 0) === 0 && after.deskNote !== value) {
    throw problem(409, {
      detail: "备注已被另一台设备修改，请看过后再保存。",
      extensions: { currentNote: after.deskNote },
    });
  }
  return { entry: deskEntry(after, true), changed: (result?.changes ?? 0) > 0 };
}

/** The slot a walk-in names: a desk slot of this point today that has not ended yet (422 at the field otherwise). */
async function walkInSlot(db: Db, point: ServicePoint, slotId: string, now: Date) {
  const parts = parseSlotId(slotId);
  const notOffered = (detail: string) => problem(422, { detail, errors: [{ pointer: "#/slotId", detail }] });
  if (!parts || parts.pointId !== point.id) throw notOffered("请选择本服务点今天的时段。");
  if (parts.service === "inspection") throw notOffered("现场查看不能现场登记，请预约上门时段。");
  const today = chinaDay(now);
  // Today's slots as the point opens now: the template staff saved and the closures in force (the
  // closed-period trigger refuses a closure that lands after this read).
  const [templates, closures] = await db.batch([
    storedTemplates(db, [point.id]),
    closuresIn(db, [point.id], dayStart(today).toISOString(), dayEnd(today).toISOString()),
  ]);
  const stored = storedCalendar(templates, closures);
  const slot = slotsOfDay(stored.point(point), parts.service, today, stored.closures).find((s) => s.id === slotId);
  if (!slot) throw notOffered("请选择本服务点今天的时段。");
  if (slot.end <= now.toISOString()) throw notOffered("这个时段已经结束，请选择后面的时段。");
  return { slot, service: parts.service };
}

/**
 * A merchant at the counter without a booking, put onto a free desk slot of today and checked in
 * as they are written. The capacity trigger refuses a full slot (409): a merchant already checked
 * in still holds their place. No manage link: the desk tells them the booking number.
 */
export async function deskWalkIn(env: PersonKeyEnv, ctx: DeskContext, input: WalkIn): Promise<DeskStepResult> {
  const { slot, service } = await walkInSlot(ctx.db, ctx.point, input.slotId, ctx.now);
  const bookingNumber = newBookingNumber();
  const at = ctx.now.toISOString();
  try {
    await ctx.batch.run([
      q.insertWalkIn({
        bookingNumber,
        manageHash: await sha256Hex(randomToken(16)),
        service,
        slot: { pointId: ctx.point.id, slotId: slot.id, start: slot.start, end: slot.end, capacity: slot.capacity },
        name: input.name,
        phone: input.phone,
        personKey: await personKey(env, "appointment", input.phone),
        shopName: input.shopName,
        shopAddress: input.shopAddress,
        note: input.note === "" ? null : input.note,
        by: ctx.actor.actorId,
        now: at,
      }),
      q.deskAudit(ctx.actor, "appointment.walk_in", bookingNumber, { slotId: slot.id }),
    ]);
  } catch (err) {
    if (isRefusal(err, "slot_full")) throw refused("这个时段已满，请选择其他有空位的时段。");
    throw refusalOf(err) ?? err;
  }
  const row = await q.rowByBookingNumber(ctx.db, bookingNumber).get();
  if (!row) throw new Error("walk-in batch wrote no row");
  return { entry: deskEntry(row, true), changed: true };
}
