// The public appointments API's response shapes, returned by the Worker's views and read by the
// /appointments/ islands, so a change on one side that breaks the other fails `npm run check`.
import type { ServiceId } from "./points.ts";

export const APPOINTMENT_STATUSES = ["booked", "cancelled", "late_cancelled", "attended", "no_show"] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];
/** The statuses that hold a slot's place: a merchant checked in at the desk still occupies it (a no-show frees it). */
export const TAKEN_APPOINTMENT_STATUSES = ["booked", "attended"] as const satisfies readonly AppointmentStatus[];

/** What the outbox tells a merchant (the sender port delivers it; the manage page shows it). */
export const APPOINTMENT_MESSAGE_KINDS = ["booked", "rescheduled", "cancelled", "reminder", "point_closed"] as const;
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
