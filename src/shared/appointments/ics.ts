// A booking as an iCalendar file (RFC 5545), built by the Worker from the stored booking
// (GET /api/appointments/manage/calendar.ics), so the file always says the booking's current state:
// the UID is the booking number's, SEQUENCE its version (raised by each reschedule and by the
// cancel), and a cancelled booking is METHOD:CANCEL with STATUS:CANCELLED, which makes a calendar
// that imported the first file drop the event. Times are China wall-clock times with
// TZID=Asia/Shanghai and the zone's VTIMEZONE. The line-level rules (escaping, folding at 75
// octets, the zone) are the sweeps' calendar file's, imported rather than written twice.
import { chinaLocal, escapeText, foldLine, utcStamp } from "../../lib/sweeps/ics.ts";
import { CHINA_TIME_ZONE, formatDateTimeZh } from "../time.ts";

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

const CRLF = "\r\n";

const VTIMEZONE = [
  "BEGIN:VTIMEZONE",
  `TZID:${CHINA_TIME_ZONE}`,
  "BEGIN:STANDARD",
  "DTSTART:19700101T000000",
  "TZOFFSETFROM:+0800",
  "TZOFFSETTO:+0800",
  "TZNAME:CST",
  "END:STANDARD",
  "END:VTIMEZONE",
];

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
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Qingxi District City Management Bureau//Service-point appointments//ZH",
    "CALSCALE:GREGORIAN",
    `METHOD:${a.cancelled ? "CANCEL" : "PUBLISH"}`,
    ...VTIMEZONE,
    "BEGIN:VEVENT",
    `UID:appointment-${a.bookingNumber}@${host}`,
    `SEQUENCE:${Math.max(0, Math.trunc(a.version))}`,
    `DTSTAMP:${utcStamp(now)}`,
    `DTSTART;TZID=${CHINA_TIME_ZONE}:${chinaLocal(a.start)}`,
    `DTEND;TZID=${CHINA_TIME_ZONE}:${chinaLocal(a.end)}`,
    `SUMMARY:${escapeText(summary)}`,
    `LOCATION:${escapeText(a.location)}`,
    `DESCRIPTION:${escapeText(description)}`,
    `URL:${a.url}`,
    `STATUS:${a.cancelled ? "CANCELLED" : "CONFIRMED"}`,
    ...(a.cancelled
      ? []
      : ["BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:-PT2H", `DESCRIPTION:${escapeText(summary)}`, "END:VALARM"]),
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}
