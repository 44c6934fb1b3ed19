// `npm run db:seed:local`: loads the demo data into the local D1 (wrangler's state, or --persist-to DIR).
import { parseArgs } from "node:util";
import { devSecret } from "./lib/dev-vars.ts";
import { executeLocal } from "./lib/wrangler.ts";
import { seedStatements } from "./seed/index.ts";

const { values } = parseArgs({ options: { "persist-to": { type: "string", default: ".wrangler/state" } } });
// The demo's person keys under the local Worker's PERSON_KEY_SECRET (.dev.vars, made if missing).
await executeLocal(values["persist-to"], await seedStatements(await devSecret("PERSON_KEY_SECRET")), { quiet: true });
console.log(`demo data seeded into ${values["persist-to"]}`);
