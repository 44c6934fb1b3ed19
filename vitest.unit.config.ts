import { defineConfig } from "vitest/config";

// Pure logic, in Node: formatting, schemas, content rules.
export default defineConfig({
  test: {
    name: "unit",
    include: ["tests/unit/**/*.test.ts", "tests/build/**/*.test.ts"],
    environment: "node",
    testTimeout: 60_000,
  },
});
