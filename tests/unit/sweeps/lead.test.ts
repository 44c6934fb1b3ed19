import { describe, expect, it } from "vitest";
import { checkinCode } from "../../../functions/lib/sweeps/checkin-code";
import { announce, entryState, matching, withEntry } from "../../../src/lib/sweeps/lead";
import { CODE_ALPHABET, normaliseCode } from "../../../src/shared/sweeps/day-schemas";
import type { LeaderRoster, LeaderRosterEntry } from "../../../src/shared/sweeps/wire";

const entry = (over: Partial<LeaderRosterEntry> = {}): LeaderRosterEntry => ({
  id: 1,
  name: "王小明",
  phone: "139****0001",
  organisation: "青溪大学",
  status: "confirmed",
  statusLabel: "已确认",
  minor: false,
  guardianPresentNeeded: false,
  walkIn: false,
  attendance: null,
  checkedInAt: null,
  checkedOutAt: null,
  minutes: null,
  ...over,
});

const roster = (entries: LeaderRosterEntry[]): LeaderRoster =>
  ({
    entries,
    counts: { confirmed: entries.length, checkedIn: 0, checkedOut: 0, noShow: 0, placesLeft: 3 },
  }) as unknown as LeaderRoster;

describe("the check-in code", () => {
  it("is 8 characters of Crockford base 32, the same for the same sign-up and different for another", async () => {
    const a = await checkinCode("a".repeat(64));
    expect(a).toHaveLength(8);
    expect([...a].every((ch) => CODE_ALPHABET.includes(ch))).toBe(true);
    expect(await checkinCode("a".repeat(64))).toBe(a);
    expect(await checkinCode("b".repeat(64))).not.toBe(a);
  });

  it("is read back however it is typed: lower case, spaces, dashes, O for 0 and I or L for 1", () => {
    expect(normaliseCode(" ab1o-il 2z ")).toBe("AB10112Z");
  });
});

describe("the leader page's roster", () => {
  it("takes a step's answer in place and recounts; a walk-in takes a free place", () => {
    const before = roster([entry(), entry({ id: 2, name: "李华" })]);
    const checked = withEntry(before, entry({ checkedInAt: "2026-12-05T00:31:00Z", attendance: "attended" }));
    expect(checked.counts).toMatchObject({ confirmed: 2, checkedIn: 1, placesLeft: 3 });
    const walked = withEntry(checked, entry({ id: 9, name: "张三", walkIn: true, checkedInAt: "x" }));
    expect(walked.counts).toMatchObject({ confirmed: 3, checkedIn: 2, placesLeft: 2 });
  });

  it("finds people by part of the name or the school, and says each step", () => {
    const all = [entry(), entry({ id: 2, name: "李华", organisation: "第二中学" })];
    expect(matching(all, "小明").map((e) => e.id)).toEqual([1]);
    expect(matching(all, "二中").map((e) => e.id)).toEqual([2]);
    expect(matching(all, " ")).toHaveLength(2);
    const out = entry({ checkedInAt: "x", checkedOutAt: "y", minutes: 150, attendance: "attended" });
    expect(announce("checkout", { entry: out, changed: true })).toBe("王小明 签退成功，服务时长 2 小时 30 分钟。");
    expect(announce("checkin", { entry: out, changed: false })).toBe("王小明 已经签到过了。");
    expect(entryState(out)).toBe("已签退 · 2 小时 30 分钟");
    expect(entryState(entry({ attendance: "no_show" }))).toBe("未到场");
  });
});
