// `node scripts/offline.ts <tool> [args…]`: runs a tool from node_modules/.bin with the offline
// settings of lib/env.ts, so package.json names each tool once instead of pasting the variables
// before every script. Under `npm run`, `node` is the pinned Node 24 and so is every tool it starts.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { offlineEnv } from "./lib/env.ts";

const [tool, ...args] = process.argv.slice(2);
if (!tool) {
  console.error("usage: node scripts/offline.ts <tool> [args…]");
  process.exit(2);
}

const child = spawn(join(import.meta.dirname, "..", "node_modules", ".bin", tool), args, {
  stdio: "inherit",
  env: offlineEnv(),
});
// Ctrl-C reaches the tool directly (same process group); a signal sent to this runner alone is passed on.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => child.kill(signal));
child.on("error", (error) => {
  console.error(`${tool}: ${error.message}`);
  process.exit(127);
});
child.on("exit", (code, signal) => {
  if (!signal) process.exit(code ?? 1);
  // Die of the same signal, so the caller sees how the tool ended.
  process.removeAllListeners(signal);
  process.kill(process.pid, signal);
});
