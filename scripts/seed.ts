// `npm run db:seed:local`: loads the demo data into the local D1 (wrangler's state, or --persist-to DIR).
import { parseArgs } from "node:util";
import { executeLocal } from "./lib/wrangler.ts";
import { seedStatements } from "./seed/index.ts";

const { values } = parseArgs({ options: { "persist-to": { type: "string", default: ".wrangler/state" } } });
await executeLocal(values["persist-to"], await seedStatements(), { quiet: true });
console.log(`demo data seeded into ${values["persist-to"]}`);
