import type { Unit } from "../../../shared/staff/wire";

/** The units a case can be dispatched to (and filtered by): squads and community stations. */
export function dispatchTargets(units: Unit[]): Unit[] {
  return units.filter((u) => u.kind === "squad" || u.kind === "community_station");
}
