import { describe, expect, it } from "vitest";
import { appointmentIcs } from "../../../src/shared/appointments/ics";
import { booking, now } from "./ics-fixture";

// The file's exact lines, unfolded as RFC 5545 §3.1 says (folding, escaping, the zone): what a
// real parser makes of them is ics-parse.test.ts.

const unfold = (ics: string) => ics.replace(/\r\n /g, "").split("\r\n");
/** A property's value by name, parameters (";TZID=…") aside. */
const prop = (lines: string[], name: string) =>
  lines.find((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`))?.replace(/^[^:]*:/, "");

describe("a booking as an iCalendar file", () => {
  const ics = appointmentIcs(booking, { host: "example.org", now });
  const lines = unfold(ics);

  it("is CRLF-terminated, folded at 75 octets, one event in Asia/Shanghai", () => {
    expect(ics.endsWith("\r\n")).toBe(true);
    for (const raw of ics.split("\r\n")) expect(new TextEncoder().encode(raw).length).toBeLessThanOrEqual(75);
    expect(lines.filter((l) => l === "BEGIN:VEVENT")).toHaveLength(1);
    expect(lines).toContain("TZID:Asia/Shanghai");
  });

  it("writes 09:00–09:30 China time for 01:00–01:30 UTC, with the zone named", () => {
    expect(lines).toContain("DTSTART;TZID=Asia/Shanghai:20261208T090000");
    expect(lines).toContain("DTEND;TZID=Asia/Shanghai:20261208T093000");
    expect(prop(lines, "DTSTAMP")).toBe("20261201T181509Z");
  });

  it("keeps the booking's UID, SEQUENCE from its version, the location escaped and the link back", () => {
    expect(prop(lines, "UID")).toBe("appointment-YY7K3M9Q2T@example.org");
    expect(prop(lines, "SEQUENCE")).toBe("2");
    expect(prop(lines, "LOCATION")).toBe("临河街道滨河路 1 号\\, 一楼\\; 东门");
    expect(prop(lines, "URL")).toBe(booking.url);
    expect(prop(lines, "DESCRIPTION")).toContain("营业执照");
    expect(prop(lines, "METHOD")).toBe("PUBLISH");
    expect(lines).toContain("BEGIN:VALARM");
  });

  it("cancels: METHOD:CANCEL, STATUS:CANCELLED, the same UID and no alarm", () => {
    const cancelled = unfold(appointmentIcs({ ...booking, cancelled: true, version: 3 }, { host: "example.org", now }));
    expect(prop(cancelled, "METHOD")).toBe("CANCEL");
    expect(prop(cancelled, "STATUS")).toBe("CANCELLED");
    expect(prop(cancelled, "UID")).toBe("appointment-YY7K3M9Q2T@example.org");
    expect(prop(cancelled, "SEQUENCE")).toBe("3");
    expect(cancelled).not.toContain("BEGIN:VALARM");
  });
});
