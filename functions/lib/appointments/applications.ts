import type * as v from "valibot";
import {
  APPLICATION_TRANSITIONS,
  type ApplicationAction,
  type Due,
  STEP_LABELS,
  stepDue,
  transition,
} from "../../../src/shared/appointments/applications";
import type {
  CorrectionSchema,
  DecideSchema,
  InspectionSchema,
  IntakeSchema,
  SuppliedSchema,
} from "../../../src/shared/appointments/applications-schemas";
import type { InspectionBooked, StaffApplicationView } from "../../../src/shared/appointments/applications-wire";
import { deskPointIdsFor } from "../../../src/shared/appointments/desk";
import type { AuditAction } from "../../../src/shared/staff/audit-actions";
import { chinaDay, dayEnd, dayStart, formatDateTimeZh } from "../../../src/shared/time";
import {
  applicationByNumber,
  applicationInsert,
  applicationMove,
  bookingByNumber,
  cancelInspections,
  checkInAtIntake,
  eventInsert,
  type Move,
  missingInsert,
  missingSupplied,
  statusMessage,
} from "../../db/appointments/applications";
import type { Statement } from "../../db/batch";
import type { Db } from "../../db/client";
import type { SignedInStaff } from "../../env";
import type { BatchRunner } from "../../platform/ports";
import { problem } from "../problem";
import { randomToken, sha256Hex } from "../tokens";
import { type ApplicationRecord, readRecord, staffApplicationView } from "./applications-view";
import { inspectionRefusal, inspectionStatements, runApplicationBatch } from "./applications-writes";
import { newBookingNumber, slotNotOffered } from "./book";
import { offeredSlot } from "./slots";

// The staff steps of an application. Each handler reads the application (404 outside the staff
// member's points), refuses what the transition table does not allow or a version already moved
// on (409), and writes the move, its timeline row, the merchant's message and the audit row in ONE
// batch whose first UPDATE the database refuses if anyone moved the application since it was read.

export interface StepContext {
  db: Db;
  batch: BatchRunner;
  staff: SignedInStaff;
  /** The audit statement of this request (functions/lib/audit-context.ts's audit()). */
  audit: (action: AuditAction, target: string, detail?: Record<string, unknown>) => Statement;
}

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** "SQ" and 8 random Crockford base32 characters (40 bits), printed on the receipt and typed into the lookup. */
export function newApplicationNumber(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return `SQ${[...bytes].map((b) => CROCKFORD[b % 32]).join("")}`;
}

const BOOKING_NOT_FOUND = "没有找到这个预约，请核对预约号（只能登记本服务点的预约）。";

/**
 * Receives an application at the desk from an intake booking that came (attended) or is today's
 * (checked in with it: the merchant is at the desk).
 */
export async function intake(
  ctx: StepContext,
  input: v.InferOutput<typeof IntakeSchema>,
  now = new Date(),
): Promise<StaffApplicationView> {
  const booking = await bookingByNumber(ctx.db, input.bookingNumber).get();
  if (!booking || !deskPointIdsFor(ctx.staff).includes(booking.pointId)) {
    throw problem(404, { detail: BOOKING_NOT_FOUND });
  }
  if (booking.service !== "intake") throw problem(409, { detail: "只有“现场收件”的预约才能登记为申请。" });
  const today = chinaDay(now);
  const todays = booking.status === "booked" && chinaDay(new Date(booking.slotStart)) === today;
  if (booking.status !== "attended" && !todays) {
    throw problem(409, { detail: "只能登记已签到的预约，或今天的预约（请先签到）。" });
  }
  const number = newApplicationNumber();
  const at = now.toISOString();
  const due = stepDue("received", today);
  await runApplicationBatch(ctx.batch, [
    applicationInsert({
      number,
      bookingId: booking.id,
      pointId: booking.pointId,
      todayStart: dayStart(today).toISOString(),
      todayEnd: dayEnd(today).toISOString(),
      dueOn: due.day,
      dueEstimated: due.estimated,
      at,
    }),
    eventInsert(number, {
      action: "intake",
      step: "received",
      staffId: ctx.staff.id,
      note: input.note || null,
      dueOn: due.day,
      at,
    }),
    checkInAtIntake(booking.id, ctx.staff.id, at),
    statusMessage(booking.id, at),
    ctx.audit("application.intake", number, { bookingNumber: booking.bookingNumber }),
  ]);
  return reload(ctx, number, now);
}

async function reload(ctx: StepContext, number: string, now: Date) {
  const app = await applicationByNumber(ctx.db, number).get();
  if (!app) throw problem(404, { detail: "没有找到这件申请。" });
  return staffApplicationView(await readRecord(ctx.db, app), now);
}

/** The checks every step shares: the version seen is the current one, and the table allows the action. */
function allowed(r: ApplicationRecord, action: ApplicationAction, version: number) {
  if (version !== r.app.version) {
    throw problem(409, { detail: "这件申请已被他人处理，请刷新后再试。", extensions: { version: r.app.version } });
  }
  const to = transition(r.app.step, action);
  if (!to) {
    throw problem(409, {
      detail: `申请当前在“${STEP_LABELS[r.app.step]}”步骤，不能${APPLICATION_TRANSITIONS[action].label}。`,
    });
  }
  return to;
}

interface Step {
  action: ApplicationAction;
  version: number;
  note: string | null;
  /** The move's extra columns and its deadline. */
  move?: Partial<Move>;
  due?: Due | null;
  /** Statements after the move and its event (missing materials, the inspection booking). */
  after?: Statement[];
  /** The step the application stays in, when a partial supply does not move it. */
  stay?: boolean;
  detail?: Record<string, unknown>;
}

/** One step's batch: the version-checked move, the timeline row, what else it writes, the message, the audit row. */
async function runStep(ctx: StepContext, r: ApplicationRecord, s: Step, now: Date) {
  const next = allowed(r, s.action, s.version);
  const to = s.stay ? r.app.step : next;
  const at = now.toISOString();
  const number = r.app.applicationNumber;
  const due = s.due === undefined ? null : s.due;
  await runApplicationBatch(ctx.batch, [
    applicationMove({
      id: r.app.id,
      version: r.app.version,
      step: to,
      dueOn: due?.day ?? null,
      dueEstimated: due?.estimated ?? false,
      at,
      ...s.move,
    }),
    eventInsert(number, {
      action: s.action,
      step: to,
      staffId: ctx.staff.id,
      note: s.note,
      dueOn: due?.day ?? null,
      at,
    }),
    ...(s.after ?? []),
    statusMessage(r.booking.id, at),
    ctx.audit(`application.${s.action}`, number, { from: r.app.step, to, ...s.detail }),
  ]);
}

const today = (now: Date) => chinaDay(now);

export async function requestCorrection(
  ctx: StepContext,
  r: ApplicationRecord,
  input: v.InferOutput<typeof CorrectionSchema>,
  now = new Date(),
) {
  const due = stepDue("correction", today(now), { correctionDays: input.workingDays });
  const items = input.items.map((i) => ({ item: i.item, note: i.note || null }));
  const listed = items.map((i) => i.item).join("、");
  await runStep(
    ctx,
    r,
    {
      action: "request_correction",
      version: input.version,
      note: input.note ? `需补正：${listed}。${input.note}` : `需补正：${listed}。`,
      due,
      after: [missingInsert(r.app.id, items, due.day)],
      detail: { items: items.length, workingDays: input.workingDays },
    },
    now,
  );
  return reload(ctx, r.app.applicationNumber, now);
}

export async function materialsSupplied(
  ctx: StepContext,
  r: ApplicationRecord,
  input: v.InferOutput<typeof SuppliedSchema>,
  now = new Date(),
) {
  allowed(r, "materials_supplied", input.version);
  const outstanding = r.missing.filter((m) => m.suppliedAt === null);
  const ids = input.itemIds ?? outstanding.map((m) => m.id);
  const unknown = ids.filter((id) => !outstanding.some((m) => m.id === id));
  if (unknown.length > 0) {
    const detail = "所选材料不在本次补正清单中，或已经补齐。";
    throw problem(422, { detail, errors: [{ pointer: "#/itemIds", detail }] });
  }
  const complete = ids.length === outstanding.length;
  const names = outstanding.filter((m) => ids.includes(m.id)).map((m) => m.item);
  const note = `${complete ? "补正材料已收齐" : "已收到部分补正材料"}：${names.join("、")}。${input.note ?? ""}`;
  await runStep(
    ctx,
    r,
    {
      action: "materials_supplied",
      version: input.version,
      note,
      // Complete: back to 收件 with its own clock (accept or ask again within 5 working days).
      due: complete
        ? stepDue("received", today(now))
        : { day: r.app.stepDueOn ?? today(now), estimated: r.app.dueEstimated },
      stay: !complete,
      after: [missingSupplied(r.app.id, ids, now.toISOString())],
      detail: { items: ids.length, complete },
    },
    now,
  );
  return reload(ctx, r.app.applicationNumber, now);
}

export async function accept(
  ctx: StepContext,
  r: ApplicationRecord,
  input: { version: number; note?: string },
  now = new Date(),
) {
  const day = today(now);
  await runStep(
    ctx,
    r,
    {
      action: "accept",
      version: input.version,
      note: input.note || null,
      due: stepDue("accepted", day, { acceptedOn: day }),
      move: { acceptedOn: day },
    },
    now,
  );
  return reload(ctx, r.app.applicationNumber, now);
}

/**
 * Books the inspection at the shop in the same batch as the move: the booking copies the intake
 * booking's merchant (INSERT … SELECT, the phone never passes through here) and is refused by the
 * capacity trigger when the visit window is full (409 with the nearest free windows).
 */
export async function bookInspection(
  ctx: StepContext,
  r: ApplicationRecord,
  input: v.InferOutput<typeof InspectionSchema>,
  now = new Date(),
): Promise<InspectionBooked> {
  allowed(r, "book_inspection", input.version);
  const slot = await offeredSlot(ctx.db, input.slotId, now);
  if (slot?.service !== "inspection" || slot.pointId !== r.app.pointId) throw slotNotOffered();
  const token = randomToken(16);
  const bookingNumber = newBookingNumber();
  const at = now.toISOString();
  const when = formatDateTimeZh(slot.start);
  await runStep(
    ctx,
    r,
    {
      action: "book_inspection",
      version: input.version,
      note: input.note ? `现场查看：${when}。${input.note}` : `现场查看：${when}。`,
      due: stepDue("inspection", today(now), { acceptedOn: r.app.acceptedOn }),
      after: inspectionStatements({
        fromBookingId: r.booking.id,
        applicationNumber: r.app.applicationNumber,
        bookingNumber,
        manageHash: await sha256Hex(token),
        slot: { pointId: slot.pointId, slotId: slot.id, start: slot.start, end: slot.end, capacity: slot.capacity },
        at,
      }),
      detail: { bookingNumber, slotId: slot.id },
    },
    now,
  ).catch(async (err) => {
    throw await inspectionRefusal(ctx.db, err, slot.id, now);
  });
  return {
    application: await reload(ctx, r.app.applicationNumber, now),
    booking: {
      bookingNumber,
      slotId: slot.id,
      start: slot.start,
      end: slot.end,
      managePath: `/appointments/manage/#t=${token}`,
    },
  };
}

export async function decide(
  ctx: StepContext,
  r: ApplicationRecord,
  input: v.InferOutput<typeof DecideSchema>,
  now = new Date(),
) {
  const reasons = input.reasons || null;
  await runStep(
    ctx,
    r,
    {
      action: "decide",
      version: input.version,
      note: reasons,
      due: stepDue("decided", today(now)),
      move: { decision: { decision: input.decision, reasons } },
      detail: { decision: input.decision },
    },
    now,
  );
  return reload(ctx, r.app.applicationNumber, now);
}

export async function close(
  ctx: StepContext,
  r: ApplicationRecord,
  input: { version: number; note?: string },
  now = new Date(),
) {
  await runStep(ctx, r, { action: "close", version: input.version, note: input.note || null }, now);
  return reload(ctx, r.app.applicationNumber, now);
}

/** Withdraws it (the merchant asked, or the correction lapsed); an inspection still booked is cancelled with it. */
export async function withdraw(
  ctx: StepContext,
  r: ApplicationRecord,
  input: { version: number; note: string },
  now = new Date(),
) {
  await runStep(
    ctx,
    r,
    {
      action: "withdraw",
      version: input.version,
      note: input.note,
      after: [cancelInspections(r.booking.personKey, r.app.applicationNumber, now.toISOString())],
    },
    now,
  );
  return reload(ctx, r.app.applicationNumber, now);
}
