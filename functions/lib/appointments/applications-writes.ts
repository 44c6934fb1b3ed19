import { sql } from "drizzle-orm";
import type { SlotRef } from "../../db/appointments/bookings";
import type { Statement } from "../../db/batch";
import type { Db } from "../../db/client";
import type { BatchRunner } from "../../platform/ports";
import { problem } from "../problem";
import { isRefusal, refusalOf } from "./errors";
import { nearestFree } from "./slots";

// What the database's refusals of an application's batch (migrations/0019's triggers and constraints)
// mean to staff, and the inspection booking a step writes. Anything not listed is rethrown (a 500).

const REFUSALS: [string, string][] = [
  ["stale_application", "这件申请已被他人处理，请刷新后再试。"],
  ["application_step_refused", "申请当前所在步骤不能这样办理，请刷新后再试。"],
  ["application_not_intake", "只有“现场收件”的预约才能登记为申请。"],
  ["applications.intake_appointment_id", "这个预约已经登记过申请。"],
  ["application_not_in_correction", "只有在补正步骤才能列出所缺材料。"],
  ["application_missing_fixed", "这项材料已记录为补齐，不能再修改。"],
  ["application_fixed", "申请编号、服务点和已作出的决定不能修改。"],
  // The intake's INSERT … SELECT found no booking in a state to receive (changed since it was read).
  [
    "NOT NULL constraint failed: application_events.application_id",
    "这个预约现在不能登记申请（已取消或已改期），请刷新后再试。",
  ],
];

function applicationRefusal(err: unknown) {
  const message = String((err as Error)?.message ?? err);
  const found = REFUSALS.find(([key]) => message.includes(key));
  return found ? problem(409, { detail: found[1] }) : undefined;
}

/** Runs an application's batch, turning the database's refusals into 409s (the bookings' ones too). */
export async function runApplicationBatch(batch: BatchRunner, statements: readonly Statement[]) {
  try {
    return await batch.run(statements);
  } catch (err) {
    throw applicationRefusal(err) ?? err;
  }
}

/** A full visit window answers with the nearest free ones, as a merchant's booking does. */
export async function inspectionRefusal(db: Db, err: unknown, slotId: string, now: Date) {
  if (isRefusal(err, "slot_full")) return refusalOf(err, { nearestFree: await nearestFree(db, slotId, now) }) ?? err;
  return refusalOf(err) ?? err;
}

export interface NewInspection {
  /** The intake booking whose merchant (name, phone, person key, shop) the inspection copies. */
  fromBookingId: number;
  applicationNumber: string;
  bookingNumber: string;
  manageHash: string;
  slot: SlotRef;
  at: string;
}

/**
 * The inspection booking and its message. INSERT … SELECT from the intake booking, so the merchant's
 * contact never passes through the Worker; the capacity trigger (migrations/0018) refuses a full
 * window and the one-active-booking index a merchant already holding an inspection.
 */
export function inspectionStatements(i: NewInspection): Statement[] {
  return [
    sql`INSERT INTO appointments (booking_number, manage_hash, point_id, service, slot_id, slot_start, slot_end,
        capacity, name, phone, person_key, shop_name, shop_address, licence_number, application_number, status,
        version, created_at, updated_at)
      SELECT ${i.bookingNumber}, ${i.manageHash}, ${i.slot.pointId}, 'inspection', ${i.slot.slotId}, ${i.slot.start},
        ${i.slot.end}, ${i.slot.capacity}, name, phone, person_key, shop_name, shop_address, licence_number,
        ${i.applicationNumber}, 'booked', 0, ${i.at}, ${i.at}
      FROM appointments WHERE id = ${i.fromBookingId}`,
    sql`INSERT INTO appointment_messages (appointment_id, kind, created_at)
      VALUES ((SELECT id FROM appointments WHERE manage_hash = ${i.manageHash}), 'booked', ${i.at})`,
  ];
}
