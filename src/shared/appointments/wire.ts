// The public appointments API's response shapes, returned by the Worker's views and read by the
// /appointments/ islands, so a change on one side that breaks the other fails `npm run check`.
import type { PublicApplicationView } from "./applications-wire.ts";
import type { ServiceId } from "./points.ts";

export const APPOINTMENT_STATUSES = ["booked", "cancelled", "late_cancelled", "attended", "no_show"] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];
/** The statuses that hold a slot's place: a merchant checked in at the desk still occupies it (a no-show frees it). */
export const TAKEN_APPOINTMENT_STATUSES = ["booked", "attended"] as const satisfies readonly AppointmentStatus[];

/** What the outbox tells a merchant (the sender port delivers it; the manage page shows it). */
export const APPOINTMENT_MESSAGE_KINDS = [
  "booked",
  "rescheduled",
  "cancelled",
  "reminder",
  "point_closed",
  "application_status",
] as const;
export type AppointmentMessageKind = (typeof APPOINTMENT_MESSAGE_KINDS)[number];

export interface PointHours {
  day: string;
  /** "09:00–12:00" per interval; empty when closed. */
  hours: string[];
  /** Why a day is closed or opens on a weekend: 节假日, 调休上班, a staff closure. */
  note: string | null;
}

export interface PublicPoint {
  id: string;
  name: string;
  subdistrict: string;
  address: string;
  position: [number, number];
  accessibility: string[];
  /** This ISO week's real opening, day by day, and its total hours. */
  week: { isoWeek: string; days: PointHours[]; hours: number; belowMinimum: boolean };
}

export interface PointList {
  minimumWeeklyHours: number;
  points: PublicPoint[];
}

export interface FreeSlot {
  id: string;
  pointId: string;
  service: ServiceId;
  day: string;
  start: string;
  end: string;
  window: "morning" | "afternoon" | null;
  capacity: number;
  placesLeft: number;
}

export interface SlotListResult {
  slots: FreeSlot[];
  /** Years in the horizon whose holidays are not in the data: their days list no slots. */
  unknownYears: number[];
}

/** What a merchant's manage link shows (and what a calendar file is built from). */
export interface AppointmentView {
  bookingNumber: string;
  status: AppointmentStatus;
  service: ServiceId;
  serviceName: string;
  point: { id: string; name: string; address: string };
  slotId: string;
  start: string;
  end: string;
  name: string;
  /** Masked, 138****1234. */
  phone: string;
  shopName: string;
  shopAddress: string;
  licenceNumber: string | null;
  applicationNumber: string | null;
  /** Until when the merchant may still cancel or reschedule without it counting as late. */
  cancelDeadline: string;
  canChange: boolean;
  /** The calendar file's SEQUENCE: raised by each reschedule. */
  version: number;
  bring: { item: string; note?: string; for?: "agent" }[];
  messages: { kind: AppointmentMessageKind; createdAt: string }[];
  /** The signboard application received at this booking, or the one its inspection is for (applications part). */
  application: PublicApplicationView | null;
  /**
   * Staff closed the point over this booking (staff calendar part): it was cancelled by the point,
   * not by the merchant, and may be moved to a new slot (`canChange`); the nearest free ones first.
   */
  closure: { note: string; nearestFree: FreeSlot[] } | null;
}

export interface BookingResult {
  bookingNumber: string;
  status: "booked";
  slotId: string;
  start: string;
  end: string;
  manageToken: string;
  managePath: string;
}

export interface CancelResult {
  status: "cancelled" | "late_cancelled";
}

export interface RescheduleResult {
  slotId: string;
  start: string;
  end: string;
  version: number;
}

// ---- The service point's desk (staff: /api/staff/appointments) ----

/** The points a staff member may open at the desk. */
export interface DeskPointList {
  points: { id: string; name: string; subdistrict: string; address: string }[];
}

export const DESK_STATUS_LABELS: Record<AppointmentStatus, string> = {
  booked: "待到",
  attended: "已签到",
  no_show: "未到",
  cancelled: "已取消",
  late_cancelled: "临期取消",
};

/** One booking of the day as the desk sees it (the name and phone in full only for the desk's roles). */
export interface DeskEntry {
  id: number;
  bookingNumber: string;
  service: "consultation" | "intake" | "inspection";
  serviceName: string;
  slotId: string;
  start: string;
  end: string;
  /** For an inspection: the half-day window's name (上午/下午). */
  windowName: string | null;
  name: string;
  phone: string;
  shopName: string;
  shopAddress: string;
  licenceNumber: string | null;
  applicationNumber: string | null;
  status: AppointmentStatus;
  statusLabel: string;
  checkedInAt: string | null;
  walkIn: boolean;
  note: string | null;
}

/** A slot of the day with the places still free (derived slots minus the rows holding a place). */
export interface DeskSlot {
  slotId: string;
  service: "consultation" | "intake" | "inspection";
  serviceName: string;
  start: string;
  end: string;
  windowName: string | null;
  capacity: number;
  taken: number;
  free: number;
}

/** GET /api/staff/appointments/points/:pointId/day. */
export interface DeskDay {
  point: { id: string; name: string; address: string };
  date: string;
  /** The server's clock: what "started" and "today" mean for the buttons. */
  now: string;
  today: boolean;
  /** Whether this staff member may act (check in, no-show, walk-in, notes), not only read. */
  canAct: boolean;
  contactsShown: boolean;
  /** Consultation and intake at the desk, in slot order. */
  desk: DeskEntry[];
  /** The inspection team's visits at the shops, in window order, with the shops' addresses. */
  inspection: DeskEntry[];
  slots: DeskSlot[];
  counts: { booked: number; attended: number; noShow: number; walkIn: number; cancelled: number };
}

/** The answer of a desk step: the entry after it, and whether it changed anything (a repeated tap does not). */
export interface DeskStepResult {
  entry: DeskEntry;
  changed: boolean;
}

// ---- design drawing upload (PUT /api/appointments/manage/drawing) ----

/** The drawing as stored: its metadata stripped, so these are the cleaned file's numbers. */
export interface DrawingInfo {
  contentType: string;
  bytes: number;
  width: number;
  height: number;
}
