import { randomBytes } from "node:crypto";
import { access, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { executeLocal, freePort, migrateLocal, startWrangler } from "../../scripts/lib/wrangler.ts";
import { seedStatements } from "../../scripts/seed/index.ts";
import { findChromium } from "./chromium.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** The served site and API. */
    baseUrl: string;
    /** The Chromium every test file launches, found (or unpacked) once here. */
    chromiumPath: string;
    /**
     * The served local D1's state directory: a test that walks a flow over days (a sweep that is
     * signed up for, then held, then certified) moves the data's clock there with `executeLocal`,
     * since the Worker's clock cannot be moved.
     */
    d1State: string;
  }
}

/**
 * Serves the built site and the API from a fresh local D1 (migrations + demo data) on a free port,
 * the way `npm start` does, and hands the URL and the browser to the tests.
 */
export default async function setup(project: TestProject) {
  await access("dist/index.html").catch(() => {
    throw new Error("dist/ is missing: run `npm run build` first (npm test does).");
  });
  project.provide("chromiumPath", await findChromium());
  const persistTo = await mkdtemp(join(tmpdir(), "portal-browser-"));
  await migrateLocal(persistTo, { quiet: true });
  // The person keys' secret, made once per run and given to both the seed and the Worker: the demo
  // volunteer's sign-ups are theirs only if both compute the same keys.
  const personKeySecret = randomBytes(32).toString("base64url");
  await executeLocal(persistTo, await seedStatements(personKeySecret), { quiet: true });
  // wrangler's first start builds the Worker: allow for a busy two-core machine.
  // The certificates' signing key, a secret of its own per run (a fresh clone has no .dev.vars).
  const server = await startWrangler({
    port: await freePort(),
    persistTo,
    timeoutMs: 300_000,
    vars: { SWEEP_SIGNING_KEY: randomBytes(32).toString("base64url"), PERSON_KEY_SECRET: personKeySecret },
  });
  project.provide("baseUrl", server.url);
  project.provide("d1State", persistTo);
  return async () => {
    await server.stop();
    await rm(persistTo, { recursive: true, force: true });
  };
}
