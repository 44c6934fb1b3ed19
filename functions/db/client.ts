import { drizzle } from "drizzle-orm/d1";
import * as schema from "./schema";

/** One drizzle instance per request, over the D1 binding; atomic raw-SQL writes go through the batch port instead. */
export function createDb(d1: D1Database) {
  return drizzle(d1, { schema, casing: "snake_case" });
}

export type Db = ReturnType<typeof createDb>;
