// What vitest.config.ts hands every test through inject(): the api project's share of it.
export {};

declare module "vitest" {
  export interface ProvidedContext {
    /** fast-check runs per fuzz test (FUZZ_RUNS, 10,000 in `npm test`). */
    fuzzRuns: number;
  }
}
