import { COMMUNITIES } from "./geo.ts";
import type { UnitKind } from "./staff/roles.ts";

export interface UnitRecord {
  id: string;
  name: string;
  kind: UnitKind;
}

export const COMMAND_CENTER: UnitRecord = {
  id: "command-center",
  name: "青溪区数字城管指挥中心",
  kind: "command_center",
};

/**
 * The units the content implies: the command centre, each sub-district's squad (中队) and each
 * community's station (社区工作站), named from content/complaints/communities.geo.json. Synced into
 * the units table by the seed and by deploy, so routing never points at a unit that is missing.
 */
export function contentUnits(): UnitRecord[] {
  const units = new Map<string, UnitRecord>([[COMMAND_CENTER.id, COMMAND_CENTER]]);
  for (const c of COMMUNITIES) {
    units.set(c.squad, { id: c.squad, name: c.subdistrict.replace(/街道$/, "中队"), kind: "squad" });
    units.set(c.station, { id: c.station, name: `${c.name}工作站`, kind: "community_station" });
  }
  return [...units.values()];
}
