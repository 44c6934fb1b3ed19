// The console's sweep list: its filters as the page address keeps them, and which sweeps they
// show. Pure: tests/unit/sweeps/staff-list.test.ts.
import { type StaffSweep, SWEEP_STATES, type SweepState } from "../../shared/sweeps/wire";
import { chinaDay, isDay } from "../../shared/time";

export interface StaffSweepFilter {
  /** A community id, "" for all. */
  community: string;
  /** China-time days, "" for open-ended. */
  from: string;
  to: string;
  /** "" for every state. */
  state: SweepState | "";
}

export const NO_STAFF_FILTER: StaffSweepFilter = { community: "", from: "", to: "", state: "" };

export const STATE_LABELS: Record<SweepState, string> = {
  draft: "草稿（未开放报名）",
  open: "开放报名",
  cancelled: "已取消",
};

const ID = /^[a-z0-9-]{1,40}$/;

/** The filter in a query string; what is not a filter value is dropped (people edit addresses). */
export function staffFilterFromQuery(search: string): StaffSweepFilter {
  const q = new URLSearchParams(search);
  const day = (key: string) => {
    const value = q.get(key) ?? "";
    return isDay(value) ? value : "";
  };
  const community = q.get("community") ?? "";
  const state = q.get("state") ?? "";
  return {
    community: ID.test(community) ? community : "",
    from: day("from"),
    to: day("to"),
    state: (SWEEP_STATES as readonly string[]).includes(state) ? (state as SweepState) : "",
  };
}

/** The filter as a query string ("" for none), only the set keys, in one order. */
export function queryOfStaffFilter(f: StaffSweepFilter): string {
  const q = new URLSearchParams();
  for (const key of ["community", "from", "to", "state"] as const) if (f[key]) q.set(key, f[key]);
  const s = q.toString();
  return s ? `?${s}` : "";
}

/** The sweeps the filter shows, in the API's order (by start). */
export function filterStaffSweeps(sweeps: readonly StaffSweep[], f: StaffSweepFilter): StaffSweep[] {
  return sweeps.filter((s) => {
    const day = chinaDay(s.startsAt);
    return (
      (!f.community || s.communityId === f.community) &&
      (!f.from || day >= f.from) &&
      (!f.to || day <= f.to) &&
      (!f.state || s.state === f.state)
    );
  });
}

/** Upcoming (not yet ended) first, then the recent ones, most recent first: what needs work on top. */
export function splitByTime(sweeps: readonly StaffSweep[], now = Date.now()) {
  const upcoming = sweeps.filter((s) => Date.parse(s.endsAt) > now);
  const recent = sweeps.filter((s) => Date.parse(s.endsAt) <= now).reverse();
  return { upcoming, recent };
}
