// Demo data for the local portal. Every statement is idempotent (it leaves existing rows alone),
// so `npm start` can seed the same local D1 again and again. Each feature adds its own module here.
// Demo data never goes to Cloudflare: the seed writes only to a local D1, and a production Worker
// refuses the demo accounts.
import { appointmentStatements } from "./appointments.ts";
import { complaintStatements } from "./complaints.ts";
import { metaStatements } from "./meta.ts";
import { staffStatements } from "./staff.ts";
import { sweepStatements } from "./sweeps.ts";

export const SEED_VERSION = "3";

/**
 * All demo statements, in dependency order. `personSecret` is the PERSON_KEY_SECRET of the Worker that
 * will serve this database: the demo's person keys are computed under it (scripts/seed/person-key.ts).
 */
export async function seedStatements(personSecret: string): Promise<string[]> {
  return [
    ...metaStatements(SEED_VERSION),
    ...(await staffStatements()),
    ...complaintStatements(),
    ...sweepStatements(personSecret),
    ...appointmentStatements(personSecret),
  ];
}
