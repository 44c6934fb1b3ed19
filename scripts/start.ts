// `npm start`: build the site, prepare the local D1 (migrations + demo data) and serve site and API
// on one URL. Ctrl-C stops wrangler and its workerd.
import { devSecret, ensureDevVars } from "./lib/dev-vars.ts";
import { run } from "./lib/run.ts";
import { executeLocal, migrateLocal, portIsFree, startWrangler } from "./lib/wrangler.ts";
import { seedStatements } from "./seed/index.ts";

const PORT = Number(process.env.PORT ?? 8787);
const PERSIST = ".wrangler/state";

if (!(await portIsFree(PORT))) {
  console.error(`端口 ${PORT} 已被占用：请先停止占用它的进程，或用 PORT=8788 npm start 换一个端口。`);
  process.exit(1);
}
const t0 = Date.now();
console.log("› building the site");
await run("npm", ["run", "--silent", "build"], { quiet: true });
console.log("› applying migrations to the local D1");
await migrateLocal(PERSIST, { quiet: true });
const made = await ensureDevVars();
if (made.length > 0) console.log(`› wrote a random ${made.join(" and ")} to .dev.vars`);
console.log("› seeding demo data");
// The demo's person keys under the Worker's own secret, or its sign-ups would be nobody's.
await executeLocal(PERSIST, await seedStatements(await devSecret("PERSON_KEY_SECRET")), { quiet: true });
console.log("› starting wrangler");
const server = await startWrangler({ port: PORT, persistTo: PERSIST });
console.log(
  `\n青溪区城市管理局门户 is running at ${server.url}/  (ready in ${((Date.now() - t0) / 1000).toFixed(1)} s; Ctrl-C to stop)\n`,
);
server.child.stdout?.pipe(process.stdout);
server.child.stderr?.pipe(process.stderr);

for (const sig of ["SIGINT", "SIGTERM"]) {
  process.on(sig, async () => {
    await server.stop();
    process.exit(0);
  });
}
server.child.on("exit", (code) => process.exit(code ?? 0));
