// Local secrets for `wrangler dev` live in .dev.vars (git-ignored). The certificates' signing key
// (SWEEP_SIGNING_KEY) must exist there before the Worker starts: made once, at random, and kept,
// so certificates issued locally still verify after a restart.
import { randomBytes } from "node:crypto";
import { appendFile, readFile, writeFile } from "node:fs/promises";

const FILE = ".dev.vars";

/** Adds a random SWEEP_SIGNING_KEY (256 bits, base64url) to .dev.vars unless one is there; says whether it did. */
export async function ensureDevVars(file = FILE): Promise<boolean> {
  const text = await readFile(file, "utf8").catch((err: NodeJS.ErrnoException) => {
    if (err.code === "ENOENT") return null;
    throw err;
  });
  if (text !== null && /^SWEEP_SIGNING_KEY=\S{32,}/m.test(text)) return false;
  const line = `SWEEP_SIGNING_KEY=${randomBytes(32).toString("base64url")}\n`;
  if (text === null) await writeFile(file, line, { mode: 0o600 });
  else await appendFile(file, `${text.endsWith("\n") || text === "" ? "" : "\n"}${line}`);
  return true;
}
