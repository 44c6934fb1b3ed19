import { drizzle } from "drizzle-orm/d1";
import * as schema from "./schema";

/** A drizzle instance over the D1 binding (middleware/db.ts keeps one per binding); atomic raw-SQL writes go through the batch port instead. */
export function createDb(d1: D1Database) {
  return drizzle(d1, { schema, casing: "snake_case" });
}

export type Db = ReturnType<typeof createDb>;
