import { describe, expect, it } from "vitest";
import { listFilterOfCase, timelineVisibility } from "../../../src/lib/complaints/console";
import { caseHref } from "../../../src/lib/complaints/console-api";
import { ACTION_SHORTCUTS, shortcutsFor } from "../../../src/lib/complaints/console-shortcuts";

describe("the case page's way back to the list", () => {
  it("carries the list's view and filters to the case page and reads them back", () => {
    const filter = { view: "all" as const, state: "dispatched", communityId: "liuan", q: "261201-9107" };
    const href = caseHref(12, filter);
    expect(href.startsWith("/staff/complaints/case/?id=12&list=")).toBe(true);
    const search = new URL(href, "https://portal.example").search;
    expect(new URLSearchParams(search).get("id")).toBe("12");
    expect(listFilterOfCase(search, "dispatcher")).toEqual(filter);
  });

  it("falls back to the role's first view without a list, or with one the role may not see", () => {
    expect(caseHref(12)).toBe("/staff/complaints/case/?id=12");
    expect(listFilterOfCase("?id=12", "dispatcher")).toEqual({ view: "inbox" });
    expect(listFilterOfCase(`?id=12&list=${encodeURIComponent("view=inbox&state=x")}`, "unit_handler")).toEqual({
      view: "queue",
      state: "x",
    });
  });
});

describe("the timeline's public and internal marks", () => {
  it("marks an internal step internal, note and all", () => {
    expect(timelineVisibility({ isPublic: false, notePublic: false, note: "内部：留意是否同一商户。" })).toEqual({
      step: "内部",
      note: "内部",
    });
  });

  it("marks the internal note of a public step (a dispatch remark) internal, not public", () => {
    expect(timelineVisibility({ isPublic: true, notePublic: false, note: "请今天内到场。" })).toEqual({
      step: "公开",
      note: "内部",
    });
    expect(timelineVisibility({ isPublic: true, notePublic: true, note: "已清理。" })).toEqual({
      step: "公开",
      note: "公开",
    });
    expect(timelineVisibility({ isPublic: true, notePublic: true, note: null })).toEqual({ step: "公开", note: null });
  });
});

describe("the shortcut legend", () => {
  const keys = (role: Parameters<typeof shortcutsFor>[0]) => shortcutsFor(role).map((s) => s.key);

  it("lists only the keys of actions the member's role may take", () => {
    expect(keys("dispatcher")).toEqual(["a", "d", "c", "r"]);
    expect(keys("admin")).toEqual(["a", "d", "c", "r"]);
    expect(keys("unit_handler")).toEqual(["s", "h", "r"]);
    expect(keys("viewer")).toEqual([]);
  });

  it("keeps every shortcut for some role", () => {
    const all = new Set([...keys("dispatcher"), ...keys("unit_handler")]);
    expect([...all].sort()).toEqual(ACTION_SHORTCUTS.map((s) => s.key).sort());
  });
});
