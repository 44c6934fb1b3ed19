import { sql } from "drizzle-orm";
import type { UnitRecord } from "../../../src/shared/units";
import type { Db } from "../client";
import { units } from "../schema";

/** Inserts the given units and renames existing ones; never deletes (cases keep their history). */
export function upsertUnits(db: Db, records: UnitRecord[]) {
  return db
    .insert(units)
    .values(records)
    .onConflictDoUpdate({ target: units.id, set: { name: sql`excluded.name`, kind: sql`excluded.kind` } });
}
