import path from "node:path";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

// Every suite, as one project each: `npx vitest run --project api` runs one of them. The projects
// run one group after another (sequence.groupOrder), so the CPU-heavy ones never share the
// machine's cores with each other: unit and build first, then the API in workerd, then Chromium.
// (Groups start at 1: vitest runs one-worker projects of group 0 last, and on two cores every
// project has one worker.)
//
// Timeouts come from figures measured on the two-core machine while other suites ran beside
// (load average about 10): each project's default is at least five times its slowest ordinary
// test, and every test that does concurrent or heavy work sets its own, its figure beside it.

/** fast-check runs per fuzz test: FUZZ_RUNS=500 for a quick local pass; `npm test` runs 10,000. */
const fuzzRuns = Number(process.env.FUZZ_RUNS ?? 10_000);
if (!Number.isInteger(fuzzRuns) || fuzzRuns < 1)
  throw new Error(`FUZZ_RUNS must be a positive integer, not ${fuzzRuns}`);

declare module "vitest" {
  export interface ProvidedContext {
    fuzzRuns: number;
  }
}

export default defineConfig(async () => {
  const migrations = await readD1Migrations(path.join(import.meta.dirname, "migrations"));
  return {
    test: {
      provide: { fuzzRuns },
      projects: [
        {
          // Pure logic, in Node: formatting, schemas, content rules, image metadata.
          test: {
            name: "unit",
            include: ["tests/unit/**/*.test.ts"],
            environment: "node",
            // vitest's 5 s: the slowest ordinary unit test took 0.15 s.
            sequence: { groupOrder: 1 },
          },
        },
        {
          // The build itself and what it produced in dist/ (`npm test` builds first).
          test: {
            name: "build",
            include: ["tests/build/**/*.test.ts"],
            environment: "node",
            // Each test starts astro or wrangler: `astro sync` took 20 s, `wrangler d1 migrations
            // apply` 45 s; the staff:create tests set their own.
            testTimeout: 150_000,
            hookTimeout: 300_000,
            sequence: { groupOrder: 1 },
          },
        },
        {
          // Inside workerd, against a real local D1 with the generated migrations applied.
          plugins: [
            cloudflareTest({
              wrangler: { configPath: "./wrangler.toml" },
              miniflare: {
                bindings: {
                  TEST_MIGRATIONS: migrations,
                  LOG_LEVEL: "silent",
                  // The certificates' HMAC key (a Worker secret in production): a fixed test value of 32+ bytes.
                  SWEEP_SIGNING_KEY: "test-only-sweep-signing-key-0123456789abcdef",
                  // The person keys' HMAC key (tests/api/person-key.ts reads it for the factories).
                  PERSON_KEY_SECRET: "test-only-person-key-secret-0123456789abcdef",
                },
              },
            }),
          ],
          test: {
            name: "api",
            include: ["tests/api/**/*.test.ts"],
            setupFiles: ["./tests/api/apply-migrations.ts"],
            // The slowest ordinary API test took 2.1 s; the heavy ones set their own.
            testTimeout: 20_000,
            sequence: { groupOrder: 2 },
          },
        },
        {
          // Real Chromium through playwright-core against the built site served by wrangler.
          test: {
            name: "browser",
            include: ["tests/browser/**/*.test.ts"],
            environment: "node",
            globalSetup: ["./tests/browser/global-setup.ts"],
            // A browser test is a user's whole errand, page loads and axe runs included: the
            // slowest took 46 s (axe at two sizes in both modes), so every one gets 300 s.
            testTimeout: 300_000,
            hookTimeout: 300_000,
            // One wrangler and two cores: one file at a time, each with its own Chromium.
            fileParallelism: false,
            sequence: { groupOrder: 3 },
          },
        },
      ],
    },
  };
});
