// A sweep as an iCalendar file (RFC 5545), built in the browser from what the page already has, so
// the calendar entry needs no endpoint of its own. Pure: tests/unit/sweeps/ics.test.ts.
//
// The times are written as China wall-clock times with TZID=Asia/Shanghai and the zone's own
// VTIMEZONE, so a calendar shows 08:30 in Shanghai whatever zone the phone is set to. The UID is
// the sweep's, so a file downloaded again after the sweep changed (a higher SEQUENCE) replaces the
// entry instead of adding a second one.
import { CHINA_TIME_ZONE } from "../../shared/time";

export interface IcsSweep {
  /** The sweep's id: the UID is built from it and never changes. */
  id: string;
  /** The sweep's version: SEQUENCE, raised by the server each time the sweep changes. */
  sequence: number;
  title: string;
  /** Instants (ISO strings or Dates). */
  startsAt: string | Date;
  endsAt: string | Date;
  /** The meeting point, written as people read it. */
  location: string;
  description: string;
  /**
   * The manage page with its secret (#t=…): a link back without the secret would open nothing, and
   * the file goes only to the person's own calendar, as the link went to their own bookmarks.
   */
  url: string;
  cancelled?: boolean;
}

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

/**
 * The whole file, CRLF line ends. `host` names the UID's domain (the site's), `now` is DTSTAMP.
 *
 * @example
 * const text = sweepIcs(sweep, { host: location.host, now: new Date() });
 */
export function sweepIcs(sweep: IcsSweep, { host, now }: { host: string; now: Date }): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Qingxi District City Management Bureau//Volunteer sweeps//ZH",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    ...VTIMEZONE,
    "BEGIN:VEVENT",
    `UID:sweep-${sweep.id}@${host}`,
    `SEQUENCE:${Math.max(0, Math.trunc(sweep.sequence))}`,
    `DTSTAMP:${utcStamp(now)}`,
    `DTSTART;TZID=${CHINA_TIME_ZONE}:${chinaLocal(sweep.startsAt)}`,
    `DTEND;TZID=${CHINA_TIME_ZONE}:${chinaLocal(sweep.endsAt)}`,
    `SUMMARY:${escapeText(sweep.title)}`,
    `LOCATION:${escapeText(sweep.location)}`,
    `DESCRIPTION:${escapeText(sweep.description)}`,
    // A URI value is not TEXT: it is written as it is (§3.3.13).
    `URL:${sweep.url}`,
    `STATUS:${sweep.cancelled ? "CANCELLED" : "CONFIRMED"}`,
    // The day before at 18:00 is the message's job; the calendar reminds two hours ahead.
    ...(sweep.cancelled
      ? []
      : ["BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:-PT2H", `DESCRIPTION:${escapeText(sweep.title)}`, "END:VALARM"]),
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/** The file's name and a Blob to save, for a download link. */
export function calendarFile(sweep: IcsSweep, host: string, now = new Date()): { name: string; blob: Blob } {
  return {
    name: `sweep-${sweep.id}.ics`,
    blob: new Blob([sweepIcs(sweep, { host, now })], { type: "text/calendar;charset=utf-8" }),
  };
}
