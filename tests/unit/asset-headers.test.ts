import { describe, expect, it } from "vitest";
import { headerRules, IMMUTABLE, immutableAssetRule, withAssetRules } from "../../scripts/lib/asset-headers";
import { buildId } from "../../scripts/lib/build-id";

const BASE = "# comment\n/*\n  X-Frame-Options: DENY\n\n/staff/*\n  X-Robots-Tag: noindex\n";

describe("the cache rule of Astro's hashed files", () => {
  it("names the build's own directory, never /_astro/* whose pattern a missing old file's 404 would match", () => {
    const rule = immutableAssetRule("/_astro/1a2b3c4d5e/");
    expect(headerRules(rule)).toEqual(["/_astro/1a2b3c4d5e/*"]);
    expect(rule).toContain(`/_astro/1a2b3c4d5e/*\n  Cache-Control: ${IMMUTABLE}`);
    expect(rule).not.toMatch(/^\/_astro\/\*/m);
  });

  it("adds it after the base rules, which stay as they are", () => {
    const out = withAssetRules(BASE, "/_astro/abc-123/");
    expect(out.startsWith(BASE.trimEnd())).toBe(true);
    expect(headerRules(out)).toEqual(["/*", "/staff/*", "/_astro/abc-123/*"]);
  });

  it("refuses a base with its own /_astro/ rule: a wildcard would cache the 404 of a missing file", () => {
    expect(() => withAssetRules(`${BASE}\n/_astro/*\n  Cache-Control: ${IMMUTABLE}\n`, "/_astro/abc/")).toThrow(
      /_astro/,
    );
  });

  it("refuses what is not one build's directory under /_astro/", () => {
    for (const dir of ["/_astro/", "/_astro/*/", "/_astro/a/b/", "/other/abc/", "/_astro/ABC/"]) {
      expect(() => immutableAssetRule(dir), dir).toThrow();
    }
  });
});

describe("the build id", () => {
  it("takes the pipeline's own id when given, and refuses one that is not a plain path segment", () => {
    expect(buildId({ ASSET_BUILD_ID: "build-42" })).toBe("build-42");
    expect(() => buildId({ ASSET_BUILD_ID: "../x" })).toThrow();
  });

  it("is otherwise a path segment the rule accepts, different for two builds of a changed tree", () => {
    const id = buildId({});
    expect(() => immutableAssetRule(`/_astro/${id}/`)).not.toThrow();
  });
});
