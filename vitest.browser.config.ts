import { defineConfig } from "vitest/config";

// Real Chromium (Debian's, through playwright-core) against the built site served by wrangler.
export default defineConfig({
  test: {
    name: "browser",
    include: ["tests/browser/**/*.test.ts"],
    environment: "node",
    globalSetup: ["./tests/browser/global-setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // One wrangler, one Chromium per file; two cores: keep files from fighting over them.
    fileParallelism: false,
  },
});
