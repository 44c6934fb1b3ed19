// Local secrets for `wrangler dev` live in .dev.vars (git-ignored). Two must exist there before the
// Worker starts, each made once at random and kept: the certificates' signing key (SWEEP_SIGNING_KEY,
// so certificates issued locally still verify after a restart) and the person keys' secret
// (PERSON_KEY_SECRET, so a phone keeps its person key: the seed computes the demo's keys under it).
import { randomBytes } from "node:crypto";
import { appendFile, readFile, writeFile } from "node:fs/promises";

const FILE = ".dev.vars";
const SECRETS = ["SWEEP_SIGNING_KEY", "PERSON_KEY_SECRET"] as const;
type Secret = (typeof SECRETS)[number];

const readText = (file: string) =>
  readFile(file, "utf8").catch((err: NodeJS.ErrnoException) => {
    if (err.code === "ENOENT") return null;
    throw err;
  });

const valueIn = (text: string | null, name: Secret) => text?.match(new RegExp(`^${name}=(\\S{32,})`, "m"))?.[1];

/** Adds a random value (256 bits, base64url) for each secret .dev.vars lacks; names those it added. */
export async function ensureDevVars(file = FILE): Promise<Secret[]> {
  const text = await readText(file);
  const missing = SECRETS.filter((name) => valueIn(text, name) === undefined);
  if (missing.length === 0) return [];
  const lines = missing.map((name) => `${name}=${randomBytes(32).toString("base64url")}\n`).join("");
  if (text === null) await writeFile(file, lines, { mode: 0o600 });
  else await appendFile(file, `${text.endsWith("\n") || text === "" ? "" : "\n"}${lines}`);
  return missing;
}

/** A secret from .dev.vars, made first if it is not there (the seed needs the Worker's PERSON_KEY_SECRET). */
export async function devSecret(name: Secret, file = FILE): Promise<string> {
  await ensureDevVars(file);
  const value = valueIn(await readText(file), name);
  if (value === undefined) throw new Error(`${file} has no ${name} of 32+ characters`);
  return value;
}
