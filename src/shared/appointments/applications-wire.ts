// Response shapes of the signboard applications (the applications part of issue 12): the merchant's
// view (manage page and lookup) and the staff queue, overdue board and application, returned by the
// Worker's views and read by the islands.
import type { ApplicationAction, ApplicationStep, Decision } from "./applications.ts";

/** One missing material of a correction request. */
export interface MissingMaterial {
  id: number;
  item: string;
  note: string | null;
  /** The last day to supply it (China time, YYYY-MM-DD). */
  dueOn: string;
  suppliedAt: string | null;
}

/** One row of the public timeline (who did it is staff-only). */
export interface ApplicationTimelineEntry {
  action: ApplicationAction | "intake";
  label: string;
  step: ApplicationStep;
  stepLabel: string;
  note: string | null;
  dueOn: string | null;
  at: string;
}

/**
 * What the merchant sees of an application, through the intake booking's manage link or by number
 * and phone: no name, no phone, nothing staff-only.
 */
export interface PublicApplicationView {
  applicationNumber: string;
  point: { id: string; name: string; address: string };
  shopName: string;
  step: ApplicationStep;
  stepLabel: string;
  stepStartedAt: string;
  /** The step's last day; null once closed or withdrawn. */
  dueOn: string | null;
  /** Counted Monday–Friday because the next year's holidays are not published yet. */
  dueEstimated: boolean;
  /** Working days left until dueOn (0 on the day, negative when overdue); null when unknown or none. */
  workingDaysLeft: number | null;
  /** What the step's limit is, in words (受理后 15 个工作日内作出决定). */
  limitText: string | null;
  acceptedOn: string | null;
  decision: Decision | null;
  decisionLabel: string | null;
  reasons: string | null;
  decidedAt: string | null;
  /** Every material a correction asked for, the outstanding first. */
  missing: MissingMaterial[];
  /** The inspection booked for it, if any (the latest). */
  inspection: { bookingNumber: string; start: string; end: string; status: string } | null;
  timeline: ApplicationTimelineEntry[];
}

/** One open application in the queue or on the overdue board. */
export interface ApplicationQueueItem {
  applicationNumber: string;
  pointId: string;
  pointName: string;
  shopName: string;
  step: ApplicationStep;
  stepLabel: string;
  stepStartedAt: string;
  dueOn: string;
  dueEstimated: boolean;
  workingDaysLeft: number | null;
  overdue: boolean;
  version: number;
}

/** GET /api/staff/appointments/applications?point= and …/overdue. */
export interface ApplicationQueue {
  today: string;
  items: ApplicationQueueItem[];
}

/** GET /api/staff/appointments/applications/:number, and every step's answer. */
export interface StaffApplicationView extends PublicApplicationView {
  version: number;
  /** The merchant as the intake booking gave them (masked phone). */
  applicant: { name: string; phone: string; bookingNumber: string; shopAddress: string };
  /** What staff may do from here (the transition table; the permission decides whether they can). */
  actions: ApplicationAction[];
  /** The intake checklist, offered when listing missing materials. */
  materials: string[];
  /** The staff member behind each timeline row (same order as `timeline`). */
  timelineStaff: (number | null)[];
}

/** POST …/book-inspection: the application after it, and the booking (its manage link for the desk to hand over). */
export interface InspectionBooked {
  application: StaffApplicationView;
  booking: { bookingNumber: string; slotId: string; start: string; end: string; managePath: string };
}
