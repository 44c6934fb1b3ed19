// `npm run deploy`: build, migrate the remote D1, sync the units from content/, refuse if it holds demo accounts, deploy the
// Worker with ENVIRONMENT=production (which also makes the Worker refuse demo accounts).

import { contentUnits } from "../src/shared/units.ts";
import { DEMO_COUNT_SQL, demoAccountsIn } from "./lib/demo-guard.ts";
import { run } from "./lib/run.ts";
import { unitStatements } from "./seed/units.ts";

const WRANGLER = "node_modules/.bin/wrangler";
await run("npm", ["run", "--silent", "build"]);
await run(WRANGLER, ["d1", "migrations", "apply", "DB", "--remote"]);
// The units the content implies (squads, stations), so routing never names a missing unit.
await run(WRANGLER, [
  "d1",
  "execute",
  "DB",
  "--remote",
  "--yes",
  "--command",
  unitStatements(contentUnits()).join("; "),
]);
const out = await run(WRANGLER, ["d1", "execute", "DB", "--remote", "--json", "--command", DEMO_COUNT_SQL], {
  quiet: true,
});
const demo = demoAccountsIn(out.slice(out.indexOf("[")));
if (demo > 0) {
  console.error(`Refusing to deploy: the remote D1 holds ${demo} demo account(s) (is_demo = 1). Remove them first.`);
  process.exit(1);
}
await run(WRANGLER, ["deploy", "--var", "ENVIRONMENT:production"]);
