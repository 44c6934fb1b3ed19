// `npm run dev`: Astro's dev server (hot reload) for the pages, with /api proxied to `wrangler dev`
// on :8787 over the same local D1 that `npm start` uses.
import { spawn } from "node:child_process";
import { devSecret } from "./lib/dev-vars.ts";
import { offlineEnv } from "./lib/env.ts";
import { executeLocal, migrateLocal, startWrangler } from "./lib/wrangler.ts";
import { seedStatements } from "./seed/index.ts";

const PERSIST = ".wrangler/state";
await migrateLocal(PERSIST, { quiet: true });
// Makes the .dev.vars secrets if they are missing; the demo's person keys under the Worker's own.
await executeLocal(PERSIST, await seedStatements(await devSecret("PERSON_KEY_SECRET")), { quiet: true });
const api = await startWrangler({ port: 8787, persistTo: PERSIST });
const astro = spawn("node_modules/.bin/astro", ["dev"], { env: offlineEnv(), stdio: "inherit" });

const stop = async () => {
  astro.kill("SIGTERM");
  await api.stop();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
astro.on("exit", stop);
