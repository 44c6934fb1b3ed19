import { BOOKING_RULES, checklist, pointById, serviceById } from "../../../src/shared/appointments/points";
import { canCancel, cancelDeadline } from "../../../src/shared/appointments/rules";
import type {
  AppointmentMessageKind,
  AppointmentView,
  CancelResult,
  RescheduleResult,
} from "../../../src/shared/appointments/wire";
import { maskPhone } from "../../../src/shared/privacy";
import { cancelBatch, rescheduleBatch } from "../../db/appointments/bookings";
import { type Appointment, appointmentByManageHash, appointmentMessagesOf } from "../../db/appointments/index";
import type { Db } from "../../db/client";
import type { BatchRunner } from "../../platform/ports";
import { problem } from "../problem";
import { applicationOfAppointment, publicApplicationView } from "./applications-view";
import { slotNotOffered } from "./book";
import { closureNotice } from "./closures";
import { isRefusal, refusalOf } from "./errors";
import { nearestFree, offeredSlot } from "./slots";

/** now + the cancel cut-off: a slot starting before it can no longer be changed, and cancelling it is late. */
const cutoffFrom = (now: Date) => new Date(now.getTime() + BOOKING_RULES.cancelCutoffHours * 3_600_000).toISOString();

/** The booking a manage secret opens, or 404 (an unknown secret and a wrong one are the same answer). */
export async function openBooking(db: Db, manageHash: string): Promise<Appointment> {
  const row = await appointmentByManageHash(db, manageHash).get();
  if (!row) throw problem(404, { detail: "没有找到这个预约，请检查管理链接是否完整。" });
  return row;
}

export async function manageView(db: Db, manageHash: string, now = new Date()): Promise<AppointmentView> {
  const a = await openBooking(db, manageHash);
  const point = pointById(a.pointId);
  const messages = await appointmentMessagesOf(db, a.id);
  const application = await applicationOfAppointment(db, a);
  const closedBy = a.status === "cancelled" && a.closureId !== null;
  return {
    bookingNumber: a.bookingNumber,
    status: a.status,
    service: a.service,
    serviceName: serviceById(a.service).name,
    point: { id: a.pointId, name: point?.name ?? a.pointId, address: point?.address ?? "" },
    slotId: a.slotId,
    start: a.slotStart,
    end: a.slotEnd,
    name: a.name,
    phone: maskPhone(a.phone),
    shopName: a.shopName,
    shopAddress: a.shopAddress,
    licenceNumber: a.licenceNumber,
    applicationNumber: a.applicationNumber,
    cancelDeadline: cancelDeadline(a.slotStart).toISOString(),
    canChange: (a.status === "booked" && canCancel(a.slotStart, now)) || closedBy,
    version: a.version,
    bring: checklist(a.service, true),
    messages: messages.map((m) => ({ kind: m.kind as AppointmentMessageKind, createdAt: m.createdAt })),
    application: application ? publicApplicationView(application, now) : null,
    closure: closedBy ? await closureNotice(db, a, now) : null,
  };
}

/**
 * Cancels a booking that has not begun, in one batch with its message: until the cut-off plainly,
 * after it as a late cancel (counted, not refused). Anything else answers 409 and writes nothing.
 */
export async function cancelBooking(db: Db, batch: BatchRunner, manageHash: string, now = new Date()) {
  const [update] = await batch.run(cancelBatch(manageHash, cutoffFrom(now), now.toISOString()));
  const status = update?.rows[0]?.status as CancelResult["status"] | undefined;
  if (!status) {
    await openBooking(db, manageHash); // 404 for an unknown secret
    throw problem(409, { detail: "这个预约已取消、已办理或时间已过，不能再取消。" });
  }
  return { status } satisfies CancelResult;
}

/**
 * Moves a booking to another offered slot of the same service, until the cut-off: one UPDATE of the
 * one row in one batch (never both places held, never both lost). A full slot answers 409 with the
 * nearest free ones; a slot the data does not offer 422 at the field.
 */
export async function reschedule(
  db: Db,
  batch: BatchRunner,
  manageHash: string,
  slotId: string,
  now = new Date(),
): Promise<RescheduleResult> {
  const current = await openBooking(db, manageHash);
  const slot = await offeredSlot(db, slotId, now);
  if (!slot || slot.service !== current.service) throw slotNotOffered();
  const to = { pointId: slot.pointId, slotId: slot.id, start: slot.start, end: slot.end, capacity: slot.capacity };
  try {
    const [update] = await batch.run(rescheduleBatch(manageHash, to, cutoffFrom(now), now.toISOString()));
    const version = update?.rows[0]?.version as number | undefined;
    if (version === undefined) {
      throw problem(409, {
        detail:
          current.slotId === slotId
            ? "预约已经是这个时段。"
            : `这个预约已取消、已办理，或距开始已不足 ${BOOKING_RULES.cancelCutoffHours} 小时，不能改期。`,
      });
    }
    return { slotId: slot.id, start: slot.start, end: slot.end, version };
  } catch (err) {
    if (isRefusal(err, "slot_full") || isRefusal(err, "point_closed"))
      throw refusalOf(err, { nearestFree: await nearestFree(db, slotId, now) });
    throw refusalOf(err) ?? err;
  }
}
