// The staff calendar's response shapes (/api/staff/appointments/points/:pointId/calendar, the
// template save, closures): returned by the Worker's views and read by the console's islands.
import type { ClosureReason, StaffCalendar } from "./calendar-staff.ts";
import type { ServiceId } from "./points.ts";
import type { WeeklyTemplate } from "./template.ts";

export interface ClosureView {
  id: number;
  day: string;
  /** "HH:MM" or null for the whole day. */
  from: string | null;
  to: string | null;
  reason: ClosureReason;
  reasonText: string | null;
  /** "临时闭门（恶劣天气）": what the public page says on the day. */
  note: string;
  createdAt: string;
}

/** GET …/points/:pointId/calendar. */
export interface StaffCalendarView {
  point: { id: string; name: string };
  now: string;
  /** Whether this staff member may save the template and enter closures (not only read). */
  canEdit: boolean;
  template: {
    weekly: WeeklyTemplate;
    /** 0: the data's template (content/appointments/points.json), never saved by staff. */
    version: number;
    source: "data" | "saved";
    updatedAt: string | null;
    hours: number;
  };
  calendar: StaffCalendar;
  /** The closures in force from today on, in order. */
  closures: ClosureView[];
}

/** A booking a closure would cancel (GET …/closures/affected), or did. */
export interface AffectedBooking {
  bookingNumber: string;
  service: ServiceId;
  serviceName: string;
  start: string;
  end: string;
  name: string;
  shopName: string;
}

export interface AffectedList {
  bookings: AffectedBooking[];
}

/** PUT …/template. */
export interface TemplateSaved {
  version: number;
  hours: number;
}

/** POST …/closures: the closure and the bookings it cancelled (each told, with the nearest free slots on their manage page). */
export interface ClosureResult {
  closure: ClosureView;
  cancelled: string[];
}
