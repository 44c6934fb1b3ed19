// Demo data for the local portal. Every statement is idempotent (upserts), so `npm start` can seed
// the same local D1 again and again. Each feature adds its own module here.
import { metaStatements } from "./meta.ts";

export const SEED_VERSION = "1";

/** All demo statements, in dependency order. */
export function seedStatements(): string[] {
  return [...metaStatements(SEED_VERSION)];
}
