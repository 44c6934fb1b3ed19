import { describe, expect, it } from "vitest";
import { type IcsSweep, sweepIcs } from "../../../src/lib/sweeps/ics";
import { chinaLocal, escapeText, foldLine, utcStamp } from "../../../src/shared/ics";

const sweep: IcsSweep = {
  id: "sw-42",
  sequence: 3,
  title: "金桂社区志愿清扫",
  startsAt: "2026-12-05T00:30:00.000Z",
  endsAt: "2026-12-05T02:30:00.000Z",
  location: "桂园路1号, 社区工作站门口; 东侧",
  description: "请带：水杯、帽子\n手套由中队提供",
  url: "https://example.org/volunteer/manage/#t=abc",
};
const now = new Date("2026-12-01T18:15:09.123Z");
const ics = sweepIcs(sweep, { host: "example.org", now });
/** The file's logical lines: folded lines joined back (RFC 5545 §3.1 unfolding). */
const unfolded = ics.replace(/\r\n /g, "").split("\r\n");

describe("a sweep as an iCalendar file", () => {
  it("ends every line with CRLF and never has a bare LF", () => {
    expect(ics.endsWith("\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });

  it("wraps one event in a calendar with the Asia/Shanghai zone", () => {
    expect(unfolded[0]).toBe("BEGIN:VCALENDAR");
    expect(unfolded).toContain("VERSION:2.0");
    expect(unfolded.filter((l) => l === "BEGIN:VEVENT")).toHaveLength(1);
    const zone = unfolded.slice(unfolded.indexOf("BEGIN:VTIMEZONE"), unfolded.indexOf("END:VTIMEZONE") + 1);
    expect(zone).toEqual([
      "BEGIN:VTIMEZONE",
      "TZID:Asia/Shanghai",
      "BEGIN:STANDARD",
      "DTSTART:19700101T000000",
      "TZOFFSETFROM:+0800",
      "TZOFFSETTO:+0800",
      "TZNAME:CST",
      "END:STANDARD",
      "END:VTIMEZONE",
    ]);
    expect(unfolded.at(-2)).toBe("END:VCALENDAR");
  });

  it("writes the times as China wall-clock times with their zone, and the stamp in UTC", () => {
    expect(unfolded).toContain("DTSTART;TZID=Asia/Shanghai:20261205T083000");
    expect(unfolded).toContain("DTEND;TZID=Asia/Shanghai:20261205T103000");
    expect(unfolded).toContain("DTSTAMP:20261201T181509Z");
  });

  it("keeps the sweep's UID and carries its SEQUENCE, so a changed sweep replaces the entry", () => {
    const changed = sweepIcs({ ...sweep, sequence: 4 }, { host: "example.org", now });
    expect(unfolded).toContain("UID:sweep-sw-42@example.org");
    expect(unfolded).toContain("SEQUENCE:3");
    expect(changed).toContain("UID:sweep-sw-42@example.org");
    expect(changed).toContain("SEQUENCE:4");
  });

  it("escapes commas, semicolons, backslashes and line breaks in text, not in the URL", () => {
    expect(unfolded).toContain("LOCATION:桂园路1号\\, 社区工作站门口\\; 东侧");
    expect(unfolded).toContain("DESCRIPTION:请带：水杯、帽子\\n手套由中队提供");
    expect(unfolded).toContain("URL:https://example.org/volunteer/manage/#t=abc");
  });

  it("says a cancelled sweep is cancelled and sets no reminder for it", () => {
    const cancelled = sweepIcs({ ...sweep, cancelled: true }, { host: "example.org", now });
    expect(cancelled).toContain("STATUS:CANCELLED");
    expect(cancelled).not.toContain("BEGIN:VALARM");
    expect(unfolded).toContain("STATUS:CONFIRMED");
    expect(unfolded).toContain("TRIGGER:-PT2H");
  });

  it("folds every line to at most 75 octets without cutting a character", () => {
    const long = sweepIcs({ ...sweep, description: "清扫".repeat(100) }, { host: "example.org", now });
    const bytes = (s: string) => new TextEncoder().encode(s).length;
    for (const line of long.split("\r\n")) expect(bytes(line)).toBeLessThanOrEqual(75);
    expect(long.replace(/\r\n /g, "")).toContain(`DESCRIPTION:${"清扫".repeat(100)}`);
  });
});

describe("the iCalendar pieces", () => {
  it("escapes a backslash before anything else and drops control characters", () => {
    expect(escapeText("a\\b,c;d")).toBe("a\\\\b\\,c\\;d");
    expect(escapeText("x\r\ny\rz\u0007")).toBe("x\\ny\\nz");
  });

  it("leaves a short line alone and folds a long one with a leading space", () => {
    expect(foldLine("SUMMARY:短")).toBe("SUMMARY:短");
    const folded = foldLine(`X:${"a".repeat(200)}`);
    const lines = folded.split("\r\n");
    expect(lines[0]).toHaveLength(75);
    expect(lines.slice(1).every((l) => l.startsWith(" ") && l.length <= 75)).toBe(true);
    expect(folded.replace(/\r\n /g, "")).toBe(`X:${"a".repeat(200)}`);
  });

  it("counts octets, not characters: a 3-byte character moves to the next line whole", () => {
    const line = `X:${"a".repeat(72)}桂`;
    expect(foldLine(line)).toBe(`X:${"a".repeat(72)}\r\n 桂`);
  });

  it("turns instants into China local time and UTC stamps", () => {
    expect(chinaLocal("2026-12-31T16:00:00Z")).toBe("20270101T000000");
    expect(chinaLocal(new Date("2026-06-01T01:02:03Z"))).toBe("20260601T090203");
    expect(utcStamp(new Date("2026-06-01T01:02:03.999Z"))).toBe("20260601T010203Z");
    expect(() => chinaLocal("no")).toThrow(RangeError);
  });
});
