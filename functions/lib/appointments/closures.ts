import {
  type ClosureInput,
  closureInstants,
  closureNote,
  staffCalendar,
  type TemplateSave,
  templateMinutes,
} from "../../../src/shared/appointments/calendar-staff";
import type {
  AffectedBooking,
  ClosureResult,
  ClosureView,
  StaffCalendarView,
  TemplateSaved,
} from "../../../src/shared/appointments/calendar-staff-wire";
import { type ServicePoint, serviceById } from "../../../src/shared/appointments/points";
import { templateHours } from "../../../src/shared/appointments/template";
import { addDays, chinaDay, dayStart } from "../../../src/shared/time";
import {
  bookingsInPeriod,
  type ClosureRow,
  closeBatch,
  closureById,
  closuresIn,
  reopenBatch,
  saveTemplateBatch,
  storedTemplates,
} from "../../db/appointments/calendar";
import type { DeskActor } from "../../db/appointments/desk";
import type { Db } from "../../db/client";
import type { BatchRunner } from "../../platform/ports";
import { problem } from "../problem";
import { storedCalendar } from "./calendar";
import { nearestFree } from "./slots";

// The staff calendar's work: a point's weeks against the 10-hour rule, saving its template over
// the version read, and closures, which cancel the period's bookings in the same batch.

export interface CalendarContext {
  db: Db;
  batch: BatchRunner;
  point: ServicePoint;
  actor: DeskActor;
  now: Date;
}

/** How far ahead closures are read for the calendar: past its last week whatever the horizon. */
const READ_DAYS = 7 * 12;

export const closureView = (r: ClosureRow): ClosureView => ({
  id: r.id,
  day: r.day,
  from: r.fromClock,
  to: r.toClock,
  reason: r.reason,
  reasonText: r.reasonText,
  note: closureNote(r.reason, r.reasonText),
  createdAt: r.createdAt,
});

/** The point's calendar: template (saved or the data's), each week's real hours and flags, missing years, closures. */
export async function calendarView(
  db: Db,
  point: ServicePoint,
  now: Date,
  canEdit: boolean,
): Promise<StaffCalendarView> {
  const today = chinaDay(now);
  const [templates, closures] = await db.batch([
    storedTemplates(db, [point.id]),
    closuresIn(db, [point.id], dayStart(today).toISOString(), dayStart(addDays(today, READ_DAYS)).toISOString()),
  ]);
  const stored = storedCalendar(templates, closures);
  const current = stored.point(point);
  const row = templates[0];
  return {
    point: { id: point.id, name: point.name },
    now: now.toISOString(),
    canEdit,
    template: {
      weekly: current.weekly,
      version: stored.version(point.id),
      source: row ? "saved" : "data",
      updatedAt: row?.updatedAt ?? null,
      hours: templateHours(current.weekly),
    },
    calendar: staffCalendar({ point: current, now, closures: stored.closures }),
    closures: closures.map(closureView),
  };
}

/**
 * Saves the template over the version the editor read: 422 below the weekly minimum (the schema,
 * before this), 409 when someone saved meanwhile. One batch: the upsert and its audit row.
 */
export async function saveTemplate(ctx: CalendarContext, input: TemplateSave): Promise<TemplateSaved> {
  const minutes = templateMinutes(input.weekly);
  const [saved] = await ctx.batch.run(
    saveTemplateBatch(
      ctx.point.id,
      JSON.stringify(input.weekly),
      minutes,
      input.version,
      ctx.actor,
      ctx.now.toISOString(),
    ),
  );
  const version = saved?.rows[0]?.version as number | undefined;
  if (version === undefined) {
    throw problem(409, { detail: "办公时段已被其他人修改，请刷新后在最新版本上修改。" });
  }
  return { version, hours: minutes / 60 };
}

/** Refuses a period already begun or further ahead than a year (a closure is for what is coming). */
function checkPeriod(input: { day: string; from?: string; to?: string }, now: Date) {
  const { startsAt, endsAt } = closureInstants(input);
  if (endsAt <= now.toISOString()) {
    throw problem(422, {
      detail: "闭门时段已经过去。",
      errors: [{ pointer: "#/day", detail: "请选择今天或以后的日期" }],
    });
  }
  if (input.day > addDays(chinaDay(now), 366)) {
    throw problem(422, {
      detail: "只能登记一年内的闭门。",
      errors: [{ pointer: "#/day", detail: "请选择一年内的日期" }],
    });
  }
  return { startsAt, endsAt };
}

const affectedOf = (r: Awaited<ReturnType<typeof bookingsInPeriod>>[number]): AffectedBooking => ({
  bookingNumber: r.bookingNumber,
  service: r.service,
  serviceName: serviceById(r.service).name,
  start: r.slotStart,
  end: r.slotEnd,
  name: r.name,
  shopName: r.shopName,
});

/** The bookings a closure of this period would cancel: what staff see before confirming. */
export async function affectedBookings(
  db: Db,
  point: ServicePoint,
  period: { day: string; from?: string; to?: string },
  now: Date,
): Promise<AffectedBooking[]> {
  const { startsAt, endsAt } = checkPeriod(period, now);
  const rows = await bookingsInPeriod(db, point.id, startsAt, endsAt, now.toISOString());
  return rows.map(affectedOf);
}

/**
 * Closes the point for the period: one batch writing the closure, cancelling every booking in it
 * not yet started (each gets a `point_closed` message; their manage page offers the nearest free
 * slots to move to), and the audit row. Bookings arriving later meet the closed-period trigger.
 */
export async function closePoint(ctx: CalendarContext, input: ClosureInput): Promise<ClosureResult> {
  const { startsAt, endsAt } = checkPeriod(input, ctx.now);
  const at = ctx.now.toISOString();
  const [inserted, cancelled] = await ctx.batch.run(
    closeBatch(
      {
        pointId: ctx.point.id,
        day: input.day,
        fromClock: input.from ?? null,
        toClock: input.to ?? null,
        startsAt,
        endsAt,
        reason: input.reason,
        reasonText: input.text || null,
      },
      ctx.actor,
      at,
    ),
  );
  const id = inserted?.rows[0]?.id as number;
  return {
    closure: {
      id,
      day: input.day,
      from: input.from ?? null,
      to: input.to ?? null,
      reason: input.reason,
      reasonText: input.text || null,
      note: closureNote(input.reason, input.text || null),
      createdAt: at,
    },
    cancelled: (cancelled?.rows ?? []).map((r) => String(r.booking_number)),
  };
}

/** The closure named, if it is this staff member's point's (another point's is 404, as an unknown one). */
export async function closureOf(db: Db, id: number, reachable: (pointId: string) => ServicePoint): Promise<ClosureRow> {
  const row = await closureById(db, id).get();
  if (!row) throw problem(404, { detail: "没有找到这次闭门。" });
  reachable(row.pointId);
  return row;
}

/** Reopens a closure (bookings it cancelled stay cancelled); 409 when it was already reopened. */
export async function reopen(ctx: CalendarContext, closure: ClosureRow): Promise<ClosureView> {
  const [update] = await ctx.batch.run(reopenBatch(closure.id, ctx.point.id, ctx.actor, ctx.now.toISOString()));
  if ((update?.changes ?? 0) === 0) throw problem(409, { detail: "这次闭门已经撤销。" });
  return closureView(closure);
}

/** What the manage page says of a booking a closure cancelled: why, and the nearest free slots to move to. */
export async function closureNotice(db: Db, a: { closureId: number | null; slotId: string }, now: Date) {
  const row = a.closureId ? await closureById(db, a.closureId).get() : undefined;
  return {
    note: row ? closureNote(row.reason, row.reasonText) : "临时闭门",
    nearestFree: await nearestFree(db, a.slotId, now),
  };
}
