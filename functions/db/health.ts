import { sql } from "drizzle-orm";
import type { Db } from "./client";

/**
 * A real round trip to D1: fails when the database or its migrations are missing. Plain SQL, since
 * the monitors and the benchmark call it often and a query builder adds nothing to one fixed line.
 */
export async function pingDb(db: Db): Promise<boolean> {
  const rows = await db.all(sql`SELECT 1 FROM app_meta LIMIT 1`);
  // An empty table is still a healthy one; the query above throws if the table does not exist.
  return Array.isArray(rows);
}
