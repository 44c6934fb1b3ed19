// The list's filters as the page address keeps them (?community=…&from=…&to=…&minors=1), so a
// filtered list can be reloaded, shared and reached with Back. Pure: tests/unit/sweeps/filters.test.ts.
import { isDay } from "../../shared/time";

export interface SweepFilter {
  /** A community id, "" for all. */
  community: string;
  /** China-time days "YYYY-MM-DD", "" for open-ended. */
  from: string;
  to: string;
  /** Only sweeps open to volunteers under 18. */
  minors: boolean;
}

export const NO_FILTER: SweepFilter = { community: "", from: "", to: "", minors: false };

const ID = /^[a-z0-9-]{1,40}$/;

/**
 * The filter in a query string. What is not a filter value (a mistyped day, an id of another
 * shape) is dropped rather than sent: the address is something people edit and share.
 */
export function filterFromQuery(search: string): SweepFilter {
  const q = new URLSearchParams(search);
  const day = (key: string) => {
    const value = q.get(key) ?? "";
    return isDay(value) ? value : "";
  };
  const community = q.get("community") ?? "";
  return {
    community: ID.test(community) ? community : "",
    from: day("from"),
    to: day("to"),
    minors: q.get("minors") === "1",
  };
}

/** The filter as a query string, "" for none; only the set keys, in one order. */
export function queryOfFilter(filter: SweepFilter): string {
  const q = new URLSearchParams();
  if (filter.community) q.set("community", filter.community);
  if (filter.from) q.set("from", filter.from);
  if (filter.to) q.set("to", filter.to);
  if (filter.minors) q.set("minors", "1");
  const text = q.toString();
  return text ? `?${text}` : "";
}

/** Is any filter set (the list then says "符合条件的" and offers to clear)? */
export const isFiltered = (filter: SweepFilter) =>
  Boolean(filter.community || filter.from || filter.to || filter.minors);
