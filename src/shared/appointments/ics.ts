// A booking as an iCalendar file (RFC 5545), built by the Worker from the stored booking
// (GET /api/appointments/manage/calendar.ics), so the file always says the booking's current state:
// the UID is the booking number's, SEQUENCE its version (raised by each reschedule and by the
// cancel), and a cancelled booking is METHOD:CANCEL with STATUS:CANCELLED, which makes a calendar
// that imported the first file drop the event. The lines (escaping, folding at 75 octets, China
// times with TZID=Asia/Shanghai and the zone) are src/shared/ics.ts's, the sweeps' writer too.
import { eventIcs } from "../ics.ts";
import { formatDateTimeZh } from "../time.ts";

export interface IcsAppointment {
  bookingNumber: string;
  version: number;
  cancelled: boolean;
  serviceName: string;
  pointName: string;
  /** Where to be: the point's address, or for an inspection the shop's (the team comes to the shop). */
  location: string;
  start: string;
  end: string;
  bring: readonly { item: string; note?: string }[];
  /** The manage page with its secret (#t=…): the link back. */
  url: string;
}

/** The whole file, CRLF line ends; `host` names the UID's domain, `now` is DTSTAMP. */
export function appointmentIcs(a: IcsAppointment, { host, now }: { host: string; now: Date }): string {
  const summary = `${a.pointName}·${a.serviceName}（预约号 ${a.bookingNumber}）`;
  const description = [
    `${a.serviceName}，${formatDateTimeZh(a.start)}，预约号 ${a.bookingNumber}。`,
    a.bring.length > 0 ? `请携带：${a.bring.map((b) => (b.note ? `${b.item}（${b.note}）` : b.item)).join("；")}` : "",
    `查看、改期或取消：${a.url}`,
  ]
    .filter(Boolean)
    .join("\n");
  return eventIcs(
    {
      product: "Service-point appointments",
      method: a.cancelled ? "CANCEL" : "PUBLISH",
      uid: `appointment-${a.bookingNumber}`,
      sequence: a.version,
      start: a.start,
      end: a.end,
      summary,
      location: a.location,
      description,
      url: a.url,
      cancelled: a.cancelled,
    },
    { host, now },
  );
}
