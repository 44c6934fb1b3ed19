import type { UnitRecord } from "../../src/shared/units.ts";
import { sqlString } from "./sql.ts";

/** Upserts of units: new ones inserted, existing ones renamed, none deleted. Used by seed and deploy. */
export function unitStatements(units: UnitRecord[]): string[] {
  return units.map(
    (u) =>
      `INSERT INTO units (id, name, kind) VALUES (${sqlString(u.id)}, ${sqlString(u.name)}, ${sqlString(u.kind)}) ON CONFLICT(id) DO UPDATE SET name = excluded.name, kind = excluded.kind`,
  );
}
