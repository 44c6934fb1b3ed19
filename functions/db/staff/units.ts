import { asc, eq, sql } from "drizzle-orm";
import type { UnitRecord } from "../../../src/shared/units";
import type { Db } from "../client";
import { units } from "../schema";

// The units (中队, 社区工作站, the centre): read by staff pages, case handling and the figures alike.

/** Every unit, by kind then id: the staff unit list, and the names a case list or figures table shows. */
export function listUnits(db: Db) {
  return db.select().from(units).orderBy(asc(units.kind), asc(units.id));
}

export function findUnit(db: Db, id: string) {
  return db.select().from(units).where(eq(units.id, id));
}

/** Inserts the given units and renames existing ones; never deletes (cases keep their history). */
export function upsertUnits(db: Db, records: UnitRecord[]) {
  return db
    .insert(units)
    .values(records)
    .onConflictDoUpdate({ target: units.id, set: { name: sql`excluded.name`, kind: sql`excluded.kind` } });
}
