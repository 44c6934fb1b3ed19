import { sql } from "drizzle-orm";
import type { Db } from "./client";
import { appMeta } from "./schema";

/** A real round trip to D1: fails when the database or its migrations are missing. */
export async function pingDb(db: Db): Promise<boolean> {
  const row = await db.select({ one: sql<number>`1` }).from(appMeta).limit(1).all();
  // An empty table is still a healthy one; the query above throws if the table does not exist.
  return Array.isArray(row);
}
