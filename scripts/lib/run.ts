import { spawn } from "node:child_process";
import { offlineEnv } from "./env.ts";

export interface RunOptions {
  /** Capture output instead of printing it; it is returned, and shown when the tool fails. */
  quiet?: boolean;
  env?: Record<string, string>;
}

/** Runs a tool from node_modules/.bin (so it uses the project's pinned Node) to completion. */
export function run(cmd: string, args: string[], { quiet = false, env = {} }: RunOptions = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      env: offlineEnv(env),
      stdio: quiet ? ["ignore", "pipe", "pipe"] : ["ignore", "inherit", "inherit"],
    });
    let out = "";
    const collect = (d: Buffer) => {
      out += d;
    };
    child.stdout?.on("data", collect);
    child.stderr?.on("data", collect);
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${cmd} ${args.join(" ")} exited ${code}\n${out}`)),
    );
  });
}
