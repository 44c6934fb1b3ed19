// A sweep as an iCalendar file (RFC 5545), built in the browser from what the page already has, so
// the calendar entry needs no endpoint of its own. Pure: tests/unit/sweeps/ics.test.ts.
//
// The lines (escaping, folding, Asia/Shanghai times and zone) are src/shared/ics.ts's. The UID is
// the sweep's, so a file downloaded again after the sweep changed (a higher SEQUENCE) replaces the
// entry instead of adding a second one.
import { eventIcs } from "../../shared/ics";

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

/**
 * The whole file, CRLF line ends. `host` names the UID's domain (the site's), `now` is DTSTAMP.
 *
 * @example
 * const text = sweepIcs(sweep, { host: location.host, now: new Date() });
 */
export function sweepIcs(sweep: IcsSweep, { host, now }: { host: string; now: Date }): string {
  return eventIcs(
    {
      product: "Volunteer sweeps",
      // A cancelled sweep's file stays PUBLISH with STATUS:CANCELLED (RFC 5546 §3.2.1 allows it).
      method: "PUBLISH",
      uid: `sweep-${sweep.id}`,
      sequence: sweep.sequence,
      start: sweep.startsAt,
      end: sweep.endsAt,
      summary: sweep.title,
      location: sweep.location,
      description: sweep.description,
      url: sweep.url,
      cancelled: sweep.cancelled ?? false,
    },
    { host, now },
  );
}

/** The file's name and a Blob to save, for a download link. */
export function calendarFile(sweep: IcsSweep, host: string, now = new Date()): { name: string; blob: Blob } {
  return {
    name: `sweep-${sweep.id}.ics`,
    blob: new Blob([sweepIcs(sweep, { host, now })], { type: "text/calendar;charset=utf-8" }),
  };
}
