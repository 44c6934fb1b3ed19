import {
  APPLICATION_TRANSITIONS,
  type ApplicationAction,
  type ApplicationStep,
  actionsFrom,
  DECISION_LABELS,
  intakeMaterials,
  isOpenStep,
  isOverdue,
  STEP_LABELS,
  STEP_LIMITS,
  workingDaysLeft,
} from "../../../src/shared/appointments/applications";
import type {
  ApplicationQueueItem,
  PublicApplicationView,
  StaffApplicationView,
} from "../../../src/shared/appointments/applications-wire";
import { deskPointIdsFor } from "../../../src/shared/appointments/desk";
import { pointById } from "../../../src/shared/appointments/points";
import { maskPhone } from "../../../src/shared/privacy";
import { chinaDay, formatDateZh } from "../../../src/shared/time";
import {
  type Application,
  applicationByNumber,
  applicationEventsOf,
  applicationMissingOf,
  applicationOfBooking,
  bookingById,
  inspectionsOf,
} from "../../db/appointments/applications";
import type { Appointment } from "../../db/appointments/index";
import type { Db } from "../../db/client";
import type { SignedInStaff } from "../../env";
import { problem } from "../problem";

// What an application shows: to the merchant (manage page, lookup: no name, no phone, no staff id)
// and to staff (the applicant masked, the actions the table allows). Read in three round trips.

export interface ApplicationRecord {
  app: Application;
  booking: Appointment;
  events: Awaited<ReturnType<ReturnType<typeof applicationEventsOf>["all"]>>;
  missing: Awaited<ReturnType<ReturnType<typeof applicationMissingOf>["all"]>>;
  inspection: PublicApplicationView["inspection"];
}

/** Everything about one application, from its row. */
export async function readRecord(db: Db, app: Application): Promise<ApplicationRecord> {
  const [events, missing, bookings] = await db.batch([
    applicationEventsOf(db, app.id),
    applicationMissingOf(db, app.id),
    bookingById(db, app.intakeAppointmentId),
  ]);
  const booking = bookings[0];
  if (!booking) throw new Error(`application ${app.applicationNumber} without its booking`);
  const inspection = (await inspectionsOf(db, booking.personKey, app.applicationNumber).all())[0] ?? null;
  return { app, booking, events, missing, inspection };
}

const NOT_FOUND = "没有找到这件申请。";

/** The application by number if this staff member's points include its point; else 404, as an unknown number. */
export async function loadForStaff(
  db: Db,
  staff: Pick<SignedInStaff, "role" | "unitId">,
  number: string,
): Promise<ApplicationRecord> {
  const app = await applicationByNumber(db, number).get();
  if (!app || !deskPointIdsFor(staff).includes(app.pointId)) throw problem(404, { detail: NOT_FOUND });
  return readRecord(db, app);
}

/**
 * The application a booking belongs to (received at it, or its inspection's), if any. A merchant
 * types the application number into a public inspection booking, so a number alone opens nothing:
 * the application shows only to the same person (person key) as its intake booking.
 */
export async function applicationOfAppointment(db: Db, booking: Appointment) {
  const app =
    (await applicationOfBooking(db, booking.id, null).get()) ??
    (booking.applicationNumber
      ? await applicationOfBooking(db, booking.id, booking.applicationNumber).get()
      : undefined);
  if (!app) return null;
  const record = await readRecord(db, app);
  return record.booking.personKey === booking.personKey ? record : null;
}

const limitText = (step: ApplicationStep, dueOn: string | null): string | null => {
  if (!isOpenStep(step) || !dueOn) return null;
  const due = formatDateZh(dueOn);
  if (step === "correction") return `请于 ${due} 前补齐所缺材料，逾期未补齐的可能按撤回处理`;
  return `${STEP_LIMITS[step as keyof typeof STEP_LIMITS].why}，本步骤期限 ${due}`;
};

const actionLabel = (action: string) =>
  action === "intake" ? "收件登记" : (APPLICATION_TRANSITIONS[action as ApplicationAction]?.label ?? action);

export function publicApplicationView(r: ApplicationRecord, now = new Date()): PublicApplicationView {
  const { app } = r;
  const point = pointById(app.pointId);
  const today = chinaDay(now);
  const missing = r.missing
    .map((m) => ({ id: m.id, item: m.item, note: m.note, dueOn: m.dueOn, suppliedAt: m.suppliedAt }))
    .sort((a, b) => Number(a.suppliedAt !== null) - Number(b.suppliedAt !== null) || a.id - b.id);
  return {
    applicationNumber: app.applicationNumber,
    point: { id: app.pointId, name: point?.name ?? app.pointId, address: point?.address ?? "" },
    shopName: app.shopName,
    step: app.step,
    stepLabel: STEP_LABELS[app.step],
    stepStartedAt: app.stepStartedAt,
    dueOn: app.stepDueOn,
    dueEstimated: app.dueEstimated,
    workingDaysLeft: app.stepDueOn ? workingDaysLeft(today, app.stepDueOn) : null,
    limitText: limitText(app.step, app.stepDueOn),
    acceptedOn: app.acceptedOn,
    decision: app.decision,
    decisionLabel: app.decision ? DECISION_LABELS[app.decision] : null,
    reasons: app.reasons,
    decidedAt: app.decidedAt,
    missing,
    inspection: r.inspection,
    timeline: r.events.map((e) => ({
      action: e.action as ApplicationAction | "intake",
      label: actionLabel(e.action),
      step: e.step,
      stepLabel: STEP_LABELS[e.step],
      note: e.note,
      dueOn: e.dueOn,
      at: e.createdAt,
    })),
  };
}

export function staffApplicationView(r: ApplicationRecord, now = new Date()): StaffApplicationView {
  return {
    ...publicApplicationView(r, now),
    version: r.app.version,
    applicant: {
      name: r.booking.name,
      phone: maskPhone(r.booking.phone),
      bookingNumber: r.booking.bookingNumber,
      shopAddress: r.app.shopAddress,
    },
    actions: actionsFrom(r.app.step),
    materials: intakeMaterials(),
    timelineStaff: r.events.map((e) => e.staffId),
  };
}

export function queueItem(app: Application, today: string): ApplicationQueueItem {
  const due = app.stepDueOn ?? today;
  return {
    applicationNumber: app.applicationNumber,
    pointId: app.pointId,
    pointName: pointById(app.pointId)?.name ?? app.pointId,
    shopName: app.shopName,
    step: app.step,
    stepLabel: STEP_LABELS[app.step],
    stepStartedAt: app.stepStartedAt,
    dueOn: due,
    dueEstimated: app.dueEstimated,
    workingDaysLeft: workingDaysLeft(today, due),
    overdue: isOverdue(today, due),
    version: app.version,
  };
}
