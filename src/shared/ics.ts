// One event as an iCalendar file (RFC 5545): the writer both the sweeps' calendar button and the
// appointments' calendar.ics use, so escaping, folding and the zone are written once.
//
// Times are China wall-clock times with TZID=Asia/Shanghai and the zone's own VTIMEZONE, so a
// calendar shows 08:30 in Shanghai whatever zone the phone is set to. Pure:
// tests/unit/sweeps/ics.test.ts and tests/unit/appointments/ics.test.ts.
import { CHINA_TIME_ZONE } from "./time.ts";

const OFFSET_MS = 8 * 3_600_000;
const CRLF = "\r\n";

/** "20261205T083000": the instant as China wall-clock time, the form DTSTART;TZID=… takes. */
export function chinaLocal(at: string | Date): string {
  const t = (typeof at === "string" ? Date.parse(at) : at.getTime()) + OFFSET_MS;
  if (Number.isNaN(t)) throw new RangeError(`not an instant: ${String(at)}`);
  return new Date(t).toISOString().replace(/[-:]/g, "").slice(0, 15);
}

/** "20261201T181500Z": an instant in UTC, the form DTSTAMP must take (RFC 5545 §3.8.7.2). */
export function utcStamp(at: Date): string {
  return `${at.toISOString().replace(/[-:]/g, "").slice(0, 15)}Z`;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/**
 * A TEXT value (§3.3.11): backslash, semicolon and comma escaped, every line break as "\n", and
 * the other control characters (which a TEXT value may not hold) dropped.
 */
export function escapeText(value: string): string {
  return value
    .replace(/\r\n?/g, "\n")
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\n/g, "\\n")
    .replace(CONTROLS, "");
}

/**
 * A content line folded after at most 75 octets (§3.1): each further line starts with one space.
 * The count is of UTF-8 bytes and a character is never cut, so Chinese text folds at 25 characters.
 */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // The first line holds 75 octets; a continuation line's leading space takes one of its 75.
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/** Asia/Shanghai: UTC+8 all year since 1991, so one STANDARD part covers every date we write. */
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

export interface IcsEvent {
  /** The PRODID's product, e.g. "Volunteer sweeps". */
  product: string;
  /** PUBLISH, or CANCEL for a file that withdraws an event a calendar imported before. */
  method: "PUBLISH" | "CANCEL";
  /** The UID's local part: it never changes, so a later file replaces the entry. */
  uid: string;
  /** SEQUENCE: raised each time the event changes. */
  sequence: number;
  /** Instants (ISO strings or Dates). */
  start: string | Date;
  end: string | Date;
  summary: string;
  location: string;
  description: string;
  /** The link back, with its secret (#t=…). */
  url: string;
  cancelled: boolean;
}

/** The whole file, CRLF line ends. `host` names the UID's domain (the site's), `now` is DTSTAMP. */
export function eventIcs(e: IcsEvent, { host, now }: { host: string; now: Date }): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:-//Qingxi District City Management Bureau//${e.product}//ZH`,
    "CALSCALE:GREGORIAN",
    `METHOD:${e.method}`,
    ...VTIMEZONE,
    "BEGIN:VEVENT",
    `UID:${e.uid}@${host}`,
    `SEQUENCE:${Math.max(0, Math.trunc(e.sequence))}`,
    `DTSTAMP:${utcStamp(now)}`,
    `DTSTART;TZID=${CHINA_TIME_ZONE}:${chinaLocal(e.start)}`,
    `DTEND;TZID=${CHINA_TIME_ZONE}:${chinaLocal(e.end)}`,
    `SUMMARY:${escapeText(e.summary)}`,
    `LOCATION:${escapeText(e.location)}`,
    `DESCRIPTION:${escapeText(e.description)}`,
    // A URI value is not TEXT: it is written as it is (§3.3.13).
    `URL:${e.url}`,
    `STATUS:${e.cancelled ? "CANCELLED" : "CONFIRMED"}`,
    // The day before is the messages' job; the calendar reminds two hours ahead.
    ...(e.cancelled
      ? []
      : ["BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:-PT2H", `DESCRIPTION:${escapeText(e.summary)}`, "END:VALARM"]),
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}
