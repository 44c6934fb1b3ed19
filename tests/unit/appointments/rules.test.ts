import { describe, expect, it } from "vitest";
import { canCancel, cancelDeadline, noShowRestriction } from "../../../src/shared/appointments/rules";

describe("the cancel cut-off", () => {
  it("lets a merchant cancel or reschedule until 2 hours before the slot starts", () => {
    const start = "2026-12-08T01:00:00.000Z"; // Tue 09:00 in China
    expect(cancelDeadline(start).toISOString()).toBe("2026-12-07T23:00:00.000Z");
    expect(canCancel(start, new Date("2026-12-07T23:00:00Z"))).toBe(true);
    expect(canCancel(start, new Date("2026-12-07T23:01:00Z"))).toBe(false);
  });
});

describe("the no-show rule (2 no-shows in 3 months: 30 days without booking)", () => {
  it("restricts booking for 30 days from the second no-show within 3 months", () => {
    expect(noShowRestriction(["2026-09-01", "2026-11-20"], "2026-12-01")).toBe("2026-12-19");
    expect(noShowRestriction(["2026-09-01", "2026-11-20"], "2026-12-19")).toBe("2026-12-19");
    expect(noShowRestriction(["2026-09-01", "2026-11-20"], "2026-12-20")).toBeNull();
  });

  it("does not restrict after one no-show, or two more than 3 months apart", () => {
    expect(noShowRestriction(["2026-11-20"], "2026-12-01")).toBeNull();
    expect(noShowRestriction(["2026-06-01", "2026-09-02"], "2026-09-03")).toBeNull();
  });

  it("counts 3 months to the month's last day (31 Aug + 3 months is 30 Nov), in any order given", () => {
    expect(noShowRestriction(["2026-11-30", "2026-08-31"], "2026-12-01")).toBe("2026-12-29");
    expect(noShowRestriction(["2026-12-01", "2026-08-31"], "2026-12-01")).toBeNull();
  });
});
