import { slotsOfDay } from "../../../src/shared/appointments/desk";
import type { Closure } from "../../../src/shared/appointments/opening";
import type { ServicePoint } from "../../../src/shared/appointments/points";
import { SERVICE_IDS, serviceById } from "../../../src/shared/appointments/points";
import {
  DESK_STATUS_LABELS,
  type DeskDay,
  type DeskEntry,
  type DeskSlot,
  TAKEN_APPOINTMENT_STATUSES,
} from "../../../src/shared/appointments/wire";
import { maskName, maskPhone } from "../../../src/shared/privacy";
import { chinaDay, dayEnd, dayStart } from "../../../src/shared/time";
import { closuresIn, storedTemplates } from "../../db/appointments/calendar";
import { type Appointment, pointDay } from "../../db/appointments/index";
import type { Db } from "../../db/client";
import { storedCalendar } from "./calendar";

// The desk's day view of one point: the day's bookings in slot order (desk services, then the
// inspection team's visits with the shops' addresses) and each slot's free places, derived from the
// point's slots (its saved template, else the data's, minus closures) minus the rows that hold a
// place. One round trip: the rows of the day (appointments_day_idx), the template and the closures.

const TAKEN: readonly string[] = TAKEN_APPOINTMENT_STATUSES;

/** The half-day window's name of an inspection's start, from the service's data. */
function windowName(row: { service: string; slotId: string }): string | null {
  if (row.service !== "inspection") return null;
  const service = serviceById("inspection");
  const clock = row.slotId.slice(-11, -6);
  return service.where === "shop" ? (service.windows.find((w) => w.from === clock)?.name ?? null) : null;
}

export function deskEntry(r: Appointment, contactsShown: boolean): DeskEntry {
  return {
    id: r.id,
    bookingNumber: r.bookingNumber,
    service: r.service,
    serviceName: serviceById(r.service).name,
    slotId: r.slotId,
    start: r.slotStart,
    end: r.slotEnd,
    windowName: windowName(r),
    name: contactsShown ? r.name : maskName(r.name),
    phone: contactsShown ? r.phone : maskPhone(r.phone),
    shopName: r.shopName,
    shopAddress: r.shopAddress,
    licenceNumber: r.licenceNumber,
    applicationNumber: r.applicationNumber,
    status: r.status,
    statusLabel: DESK_STATUS_LABELS[r.status],
    checkedInAt: r.checkedInAt,
    walkIn: r.walkIn,
    note: r.deskNote,
  };
}

/** The day's slots of every service with the places the rows of the day leave free. */
export function deskSlots(
  point: ServicePoint,
  date: string,
  rows: readonly Appointment[],
  closures: readonly Closure[] = [],
): DeskSlot[] {
  const taken = new Map<string, number>();
  for (const r of rows) if (TAKEN.includes(r.status)) taken.set(r.slotId, (taken.get(r.slotId) ?? 0) + 1);
  return SERVICE_IDS.flatMap((service) =>
    slotsOfDay(point, service, date, closures).map((s) => {
      const n = taken.get(s.id) ?? 0;
      return {
        slotId: s.id,
        service,
        serviceName: serviceById(service).name,
        start: s.start,
        end: s.end,
        windowName: windowName({ service, slotId: s.id }),
        capacity: s.capacity,
        taken: n,
        free: Math.max(0, s.capacity - n),
      };
    }),
  ).sort((a, b) => a.start.localeCompare(b.start) || a.service.localeCompare(b.service));
}

export interface DayViewOptions {
  point: ServicePoint;
  date: string;
  now: Date;
  canAct: boolean;
  contactsShown: boolean;
}

export async function deskDay(db: Db, o: DayViewOptions): Promise<DeskDay> {
  const start = dayStart(o.date).toISOString();
  const end = dayEnd(o.date).toISOString();
  // The rows, the template staff saved and the closures in force: one round trip.
  const [rows, templates, closures] = await db.batch([
    pointDay(db, o.point.id, start, end),
    storedTemplates(db, [o.point.id]),
    closuresIn(db, [o.point.id], start, end),
  ]);
  const stored = storedCalendar(templates, closures);
  const entries = rows.map((r) => deskEntry(r, o.contactsShown));
  const count = (f: (e: DeskEntry) => boolean) => entries.filter(f).length;
  return {
    point: { id: o.point.id, name: o.point.name, address: o.point.address },
    date: o.date,
    now: o.now.toISOString(),
    today: o.date === chinaDay(o.now),
    canAct: o.canAct,
    contactsShown: o.contactsShown,
    desk: entries.filter((e) => e.service !== "inspection"),
    inspection: entries.filter((e) => e.service === "inspection"),
    slots: deskSlots(stored.point(o.point), o.date, rows, stored.closures),
    counts: {
      booked: count((e) => e.status === "booked"),
      attended: count((e) => e.status === "attended"),
      noShow: count((e) => e.status === "no_show"),
      walkIn: count((e) => e.walkIn && e.status === "attended"),
      cancelled: count((e) => e.status === "cancelled" || e.status === "late_cancelled"),
    },
  };
}
