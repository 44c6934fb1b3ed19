import { type ChildProcess, spawn } from "node:child_process";
import { writeFile } from "node:fs/promises";
import net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { offlineEnv } from "./env.ts";
import { type RunOptions, run } from "./run.ts";

const WRANGLER = "node_modules/.bin/wrangler";

/** Applies every migration in migrations/ to the local D1 kept under `persistTo`. */
export function migrateLocal(persistTo: string, opts: RunOptions = {}): Promise<string> {
  // CI=true: wrangler asks no confirmation question (there is no terminal in CI).
  return run(WRANGLER, ["d1", "migrations", "apply", "DB", "--local", "--persist-to", persistTo], {
    ...opts,
    env: { CI: "true" },
  });
}

/** Runs SQL statements against the local D1 from one file. */
export async function executeLocal(persistTo: string, statements: string[], opts: RunOptions = {}): Promise<string> {
  const file = join(tmpdir(), `seed-${process.pid}-${Date.now()}.sql`);
  await writeFile(file, `${statements.join(";\n")};\n`);
  return run(WRANGLER, ["d1", "execute", "DB", "--local", "--persist-to", persistTo, "--file", file, "--yes"], opts);
}

export function portIsFree(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once("error", () => resolve(false));
    srv.listen(port, host, () => srv.close(() => resolve(true)));
  });
}

/** A free TCP port on loopback, chosen by the kernel. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler exited with ${child.exitCode} before it was ready`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`wrangler did not answer ${url}/api/health within ${timeoutMs} ms`);
}

export interface WranglerOptions {
  port: number;
  persistTo: string;
  config?: string;
  vars?: Record<string, string>;
  timeoutMs?: number;
  /** Serve GET /cdn-cgi/handler/scheduled, which runs the Worker's cron handler on demand. */
  testScheduled?: boolean;
  /** The Chrome DevTools inspector's port (scripts/bench/profile.ts); else one wrangler chooses. */
  inspectorPort?: number;
}

export interface RunningWrangler {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
  log(): string;
}

/** Ends a detached child's whole process group (wrangler and its workerd), hard after 5 s. */
function stopGroup(child: ChildProcess): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.pid === undefined) return resolve();
    const pgid = -child.pid;
    child.once("exit", () => resolve());
    try {
      process.kill(pgid, "SIGTERM");
    } catch {
      return resolve();
    }
    setTimeout(() => {
      try {
        process.kill(pgid, "SIGKILL");
      } catch {
        // already gone
      }
    }, 5000).unref();
  });
}

/**
 * Starts `wrangler dev` as the leader of a new process group (setsid, via `detached`), so that
 * stopping the group ends workerd too; resolves once /api/health answers.
 */
export async function startWrangler(opts: WranglerOptions): Promise<RunningWrangler> {
  const { port, persistTo, config = "wrangler.toml", vars = {}, timeoutMs = 60_000 } = opts;
  const args = ["dev", "--config", config, "--ip", "127.0.0.1", "--port", String(port), "--persist-to", persistTo];
  args.push("--show-interactive-dev-session=false", "--log-level", "warn");
  for (const [k, v] of Object.entries(vars)) args.push("--var", `${k}:${v}`);
  if (opts.testScheduled) args.push("--test-scheduled");
  if (opts.inspectorPort) args.push("--inspector-port", String(opts.inspectorPort));
  const child = spawn(WRANGLER, args, { detached: true, env: offlineEnv(), stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  const collect = (d: Buffer) => {
    log += d;
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(url, child, timeoutMs);
  } catch (err) {
    await stopGroup(child);
    throw new Error(`${(err as Error).message}\n${log}`);
  }
  return { url, child, stop: () => stopGroup(child), log: () => log };
}
