declare namespace Cloudflare {
  interface Env {
    /** Added by vitest.config.ts (the api project) so the setup file can apply migrations. */
    TEST_MIGRATIONS: import("cloudflare:test").D1Migration[];
    /** The person keys' secret, a fixed test value (vitest.config.ts): factories and the seed compute keys under it. */
    PERSON_KEY_SECRET: string;
  }
}
