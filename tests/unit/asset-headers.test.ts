import { describe, expect, it } from "vitest";
import {
  headerRules,
  IMMUTABLE,
  immutableAssetRules,
  MAX_HEADER_RULES,
  withAssetRules,
} from "../../scripts/lib/asset-headers";

const BASE = "# comment\n/*\n  X-Frame-Options: DENY\n\n/staff/*\n  X-Robots-Tag: noindex\n";

describe("the cache rules of Astro's hashed files", () => {
  it("names each built file by its exact path, never a pattern a missing file's 404 would match", () => {
    const rules = immutableAssetRules(["/_astro/b.Xy12.js", "/_astro/a.Ab34.css"]);
    expect(headerRules(rules)).toEqual(["/_astro/a.Ab34.css", "/_astro/b.Xy12.js"]);
    expect(rules).toContain(`/_astro/a.Ab34.css\n  Cache-Control: ${IMMUTABLE}`);
    expect(rules).not.toMatch(/^\/_astro\/\*/m);
  });

  it("adds them after the base rules, which stay as they are", () => {
    const out = withAssetRules(BASE, ["/_astro/a.Ab34.js"]);
    expect(out.startsWith(BASE.trimEnd())).toBe(true);
    expect(headerRules(out)).toEqual(["/*", "/staff/*", "/_astro/a.Ab34.js"]);
  });

  it("refuses a base with its own /_astro/ rule: a wildcard would cache the 404 of a missing file", () => {
    expect(() => withAssetRules(`${BASE}\n/_astro/*\n  Cache-Control: ${IMMUTABLE}\n`, [])).toThrow(/_astro/);
  });

  it("fails rather than write more rules than Cloudflare applies", () => {
    const files = (n: number) => Array.from({ length: n }, (_, i) => `/_astro/f${i}.Hash.js`);
    expect(() => withAssetRules(BASE, files(MAX_HEADER_RULES - 2))).not.toThrow();
    expect(() => withAssetRules(BASE, files(MAX_HEADER_RULES - 1))).toThrow(/101 rules/);
  });

  it("refuses a path that is not a plain file under /_astro/", () => {
    expect(() => immutableAssetRules(["/_astro/*"])).toThrow();
    expect(() => immutableAssetRules(["/other/x.js"])).toThrow();
  });
});
