declare namespace Cloudflare {
  interface Env {
    /** Added by vitest.config.ts (the api project) so the setup file can apply migrations. */
    TEST_MIGRATIONS: import("cloudflare:test").D1Migration[];
  }
}
