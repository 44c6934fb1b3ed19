import { describe, expect, it } from "vitest";
import {
  filterStaffSweeps,
  NO_STAFF_FILTER,
  queryOfStaffFilter,
  splitByTime,
  staffFilterFromQuery,
} from "../../../src/lib/sweeps/staff-list";
import type { StaffSweep } from "../../../src/shared/sweeps/wire";

const sweep = (id: string, communityId: string, startsAt: string, state = "open") =>
  ({
    id,
    communityId,
    startsAt,
    endsAt: new Date(Date.parse(startsAt) + 2 * 3_600_000).toISOString(),
    state,
  }) as StaffSweep;

describe("the console's sweep list", () => {
  it("keeps its filter in the address and drops what is not a filter value", () => {
    const f = { community: "jingui", from: "2026-12-01", to: "2026-12-31", state: "draft" as const };
    expect(staffFilterFromQuery(queryOfStaffFilter(f))).toEqual(f);
    expect(queryOfStaffFilter(NO_STAFF_FILTER)).toBe("");
    expect(staffFilterFromQuery("?community=<x>&from=2026-13-01&state=gone")).toEqual(NO_STAFF_FILTER);
  });

  it("filters by community, China-time day and state", () => {
    // 23:30 UTC on 4 December is 5 December in China.
    const list = [
      sweep("a", "jingui", "2026-12-04T23:30:00.000Z"),
      sweep("b", "hetang", "2026-12-05T00:30:00.000Z", "cancelled"),
      sweep("c", "jingui", "2026-12-12T00:30:00.000Z"),
    ];
    expect(
      filterStaffSweeps(list, { ...NO_STAFF_FILTER, from: "2026-12-05", to: "2026-12-05" }).map((s) => s.id),
    ).toEqual(["a", "b"]);
    expect(filterStaffSweeps(list, { ...NO_STAFF_FILTER, community: "jingui" }).map((s) => s.id)).toEqual(["a", "c"]);
    expect(filterStaffSweeps(list, { ...NO_STAFF_FILTER, state: "cancelled" }).map((s) => s.id)).toEqual(["b"]);
  });

  it("puts the sweeps not yet ended first, then the ended ones, most recent first", () => {
    const now = Date.parse("2026-12-10T00:00:00.000Z");
    const list = [
      sweep("old", "jingui", "2026-12-03T00:30:00.000Z"),
      sweep("last", "jingui", "2026-12-09T00:30:00.000Z"),
      sweep("next", "jingui", "2026-12-12T00:30:00.000Z"),
    ];
    const { upcoming, recent } = splitByTime(list, now);
    expect(upcoming.map((s) => s.id)).toEqual(["next"]);
    expect(recent.map((s) => s.id)).toEqual(["last", "old"]);
  });
});
