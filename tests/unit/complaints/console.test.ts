import { describe, expect, it } from "vitest";
import {
  currentDeadline,
  deadlineClock,
  deadlineVerdict,
  filterFromQuery,
  formatDuration,
  queryOfFilter,
  viewsFor,
} from "../../../src/lib/complaints/console";
import { ACTION_SPECS, actionBody, initialValues, suggestedUnit } from "../../../src/lib/complaints/console-actions";
import { lastMonth, thisMonth } from "../../../src/lib/complaints/console-figures";
import { ACTION_SHORTCUTS } from "../../../src/lib/complaints/console-shortcuts";
import type { CaseSummary } from "../../../src/shared/complaints/console-wire";
import { STAFF_ACTIONS } from "../../../src/shared/complaints/states";

const MIN = 60_000;
const due = "2026-11-27T08:00:00.000Z";
const at = (offsetMs: number) => Date.parse(due) + offsetMs;

describe("the deadline clock", () => {
  it("counts the time left, and the time over, in whole minutes rounded up", () => {
    expect(deadlineClock(due, at(-12 * MIN))).toEqual({ text: "剩余 12 分钟", late: false });
    expect(deadlineClock(due, at(-30_000))).toEqual({ text: "剩余 1 分钟", late: false });
    expect(deadlineClock(due, at(5 * MIN))).toEqual({ text: "已超时 5 分钟", late: true });
    expect(deadlineClock(due, at(0))).toEqual({ text: "已超时 1 分钟", late: true });
  });

  it("writes long spans in hours and days", () => {
    expect(formatDuration(59 * MIN)).toBe("59 分钟");
    expect(formatDuration(60 * MIN)).toBe("1 小时");
    expect(formatDuration(185 * MIN)).toBe("3 小时 5 分钟");
    expect(formatDuration(52 * 60 * MIN)).toBe("2 天 4 小时");
    expect(formatDuration(48 * 60 * MIN)).toBe("2 天");
  });

  it("judges a deadline by when its step was done, else by the clock while it runs", () => {
    expect(deadlineVerdict(due, "2026-11-27T07:50:00.000Z", false, at(0)).kind).toBe("met");
    expect(deadlineVerdict(due, "2026-11-27T08:20:00.000Z", false, at(0))).toEqual({
      kind: "missed",
      text: "超时 20 分钟 完成（2026-11-27 16:20）",
    });
    expect(deadlineVerdict(due, null, true, at(-MIN)).kind).toBe("running");
    expect(deadlineVerdict(due, null, true, at(MIN)).kind).toBe("late");
    expect(deadlineVerdict(due, null, false, at(MIN)).kind).toBe("stopped");
  });

  it("runs the accept clock while a case is new and the handling clock while a unit has it", () => {
    const c = { acceptDueAt: "A", dueAt: "H" };
    expect(currentDeadline({ ...c, state: "received" })).toEqual({ kind: "accept", due: "A" });
    expect(currentDeadline({ ...c, state: "in_progress" })).toEqual({ kind: "handle", due: "H" });
    expect(currentDeadline({ ...c, state: "extended" })).toEqual({ kind: "handle", due: "H" });
    for (const state of ["accepted", "suspended", "handled", "closed_fixed"] as const) {
      expect(currentDeadline({ ...c, state })).toBeNull();
    }
  });
});

describe("the case list's address", () => {
  it("offers the command centre its inbox first and a unit its queue first", () => {
    expect(viewsFor("dispatcher")).toEqual(["inbox", "overdue", "all"]);
    expect(viewsFor("admin")).toEqual(["inbox", "overdue", "all"]);
    expect(viewsFor("unit_handler")).toEqual(["queue", "overdue", "all"]);
  });

  it("reads the filters back from the address it wrote, and falls back to the role's first view", () => {
    const filter = { view: "all" as const, state: "dispatched", communityId: "liuan", q: "261127-0042" };
    expect(filterFromQuery(queryOfFilter(filter), "dispatcher")).toEqual(filter);
    expect(filterFromQuery("?view=queue", "dispatcher")).toEqual({ view: "inbox" });
    expect(filterFromQuery("", "unit_handler")).toEqual({ view: "queue" });
    expect(filterFromQuery("?view=all&state=&q=%20", "dispatcher")).toEqual({ view: "all" });
  });
});

describe("the figures' periods (China time)", () => {
  it("takes this month up to today and the whole of last month, across a new year", () => {
    // 2027-01-01 01:00 in China is still 2026-12-31 in UTC.
    const now = new Date("2026-12-31T17:00:00.000Z");
    expect(thisMonth(now)).toEqual({ from: "2027-01-01", to: "2027-01-01" });
    expect(lastMonth(now)).toEqual({ from: "2026-12-01", to: "2026-12-31" });
    expect(lastMonth(new Date("2028-03-10T00:00:00.000Z"))).toEqual({ from: "2028-02-01", to: "2028-02-29" });
  });
});

describe("the action forms", () => {
  const summary = { state: "accepted", categoryId: "C0305", communityId: "liuan", urgent: true } as CaseSummary;

  it("have a form for every staff action, and a shortcut only for actions that exist", () => {
    expect(Object.keys(ACTION_SPECS).sort()).toEqual([...STAFF_ACTIONS].sort());
    for (const { action } of ACTION_SHORTCUTS) expect(STAFF_ACTIONS).toContain(action);
  });

  it("suggest the unit the category and community route to, on a first dispatch only", () => {
    // C0305 垃圾箱损坏 goes to the community's station.
    expect(suggestedUnit(summary)).toBe("liuan-station");
    expect(suggestedUnit({ ...summary, state: "sent_back" })).toBeNull();
    expect(initialValues("dispatch", summary)).toEqual({ unitId: "liuan-station", urgent: true });
  });

  it("send numbers as numbers and leave empty optional fields out", () => {
    expect(actionBody(ACTION_SPECS.request_extension, { days: "3", reason: "需要协调" })).toEqual({
      days: 3,
      reason: "需要协调",
    });
    expect(actionBody(ACTION_SPECS.dispatch, { unitId: "linhe-squad", note: " " })).toEqual({
      unitId: "linhe-squad",
      urgent: false,
    });
    expect(actionBody(ACTION_SPECS.handle, { result: "已清理", photo: "" })).toEqual({ result: "已清理" });
  });
});
