import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { appointmentIcs } from "../../../src/shared/appointments/ics";
import { eventIcs } from "../../../src/shared/ics";
import { booking, now } from "./ics-fixture";

// The calendar files read back by a real iCalendar parser (ICAL.js, Mozilla's, as Thunderbird uses):
// what a calendar app makes of them, not what our own line reader (ics.test.ts) sees. The VTIMEZONE
// the file carries is registered with the parser, so DTSTART;TZID=Asia/Shanghai resolves through the
// file's own zone definition.

function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
  const vevent = calendar.getFirstSubcomponent("vevent");
  if (!vevent) throw new Error("no VEVENT");
  return { calendar, vevent, event: new ICAL.Event(vevent) };
}

describe("a booking's calendar file, read by ICAL.js", () => {
  it("is one event at the right instants in Asia/Shanghai, with its place, link, number and version", () => {
    const { calendar, vevent, event } = parse(appointmentIcs(booking, { host: "example.org", now }));
    expect(calendar.getFirstPropertyValue("method")).toBe("PUBLISH");
    expect(calendar.getAllSubcomponents("vevent")).toHaveLength(1);
    expect(vevent.getFirstProperty("dtstart")?.getParameter("tzid")).toBe("Asia/Shanghai");
    expect(event.startDate.zone?.tzid).toBe("Asia/Shanghai");
    expect(event.startDate.toString()).toBe("2026-12-08T09:00:00");
    expect(event.startDate.toJSDate().toISOString()).toBe(booking.start);
    expect(event.endDate.toJSDate().toISOString()).toBe(booking.end);
    expect(event.location).toBe(booking.location);
    expect(event.summary).toContain("YY7K3M9Q2T");
    expect(event.uid).toBe("appointment-YY7K3M9Q2T@example.org");
    expect(event.sequence).toBe(2);
    expect(vevent.getFirstPropertyValue("url")).toBe(booking.url);
    expect(event.description).toContain("营业执照；效果图（A4，含相邻店招）");
    expect(vevent.getFirstPropertyValue("status")).not.toBe("CANCELLED");
  });

  it("a cancelled booking is METHOD:CANCEL, STATUS:CANCELLED, same UID, a higher SEQUENCE", () => {
    const { calendar, vevent, event } = parse(
      appointmentIcs({ ...booking, cancelled: true, version: 3 }, { host: "example.org", now }),
    );
    expect(calendar.getFirstPropertyValue("method")).toBe("CANCEL");
    expect(vevent.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(event.uid).toBe("appointment-YY7K3M9Q2T@example.org");
    expect(event.sequence).toBe(3);
  });

  it("a time across midnight UTC stays on the China day (00:30 China time is 16:30 UTC the day before)", () => {
    const { event } = parse(
      eventIcs(
        {
          product: "Volunteer sweeps",
          method: "PUBLISH",
          uid: "sweep-test",
          sequence: 0,
          start: "2026-12-07T16:30:00.000Z",
          end: "2026-12-07T18:00:00.000Z",
          summary: "夜间清扫",
          location: "临河社区",
          description: "很长的说明，".repeat(30),
          url: "https://example.org/volunteer/manage/#t=x",
          cancelled: false,
        },
        { host: "example.org", now },
      ),
    );
    expect(event.startDate.toString()).toBe("2026-12-08T00:30:00");
    expect(event.startDate.toJSDate().toISOString()).toBe("2026-12-07T16:30:00.000Z");
    // A long description is folded in the file and unfolded whole by the parser.
    expect(event.description).toBe("很长的说明，".repeat(30));
  });
});
