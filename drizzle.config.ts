import { defineConfig } from "drizzle-kit";

// drizzle-kit only generates SQL; wrangler applies it (dev, deploy) and the test setup file does too.
export default defineConfig({
  dialect: "sqlite",
  schema: "./functions/db/schema/index.ts",
  out: "./migrations",
  casing: "snake_case",
});
