// The `_headers` rules that let the hashed files Astro builds be cached for a year. Pure functions:
// the CLI is scripts/headers.ts.

/** Cloudflare applies at most this many `_headers` rules (Workers static assets, like Pages). */
export const MAX_HEADER_RULES = 100;

export const IMMUTABLE = "public, max-age=31536000, immutable";

/**
 * One rule per file that exists under dist/_astro/, by its exact path. Not a `/_astro/*` pattern:
 * a missing file (a page cached from an older build asking for an old hash) is answered with the
 * 404 page, and a pattern would give that 404 a year in every browser and cache. Without a rule it
 * keeps the platform's default, `public, max-age=0, must-revalidate`.
 */
export function immutableAssetRules(paths: readonly string[]): string {
  const rules = [...paths].sort().map((path) => {
    if (!/^\/_astro\/[^\s*:!]+$/.test(path)) throw new Error(`${path}: not a plain path under /_astro/`);
    return `${path}\n  Cache-Control: ${IMMUTABLE}`;
  });
  return [
    "# Added by scripts/headers.ts: each file Astro built, cached for a year by its exact path (see",
    "# scripts/lib/asset-headers.ts for why not /_astro/*).",
    ...rules,
  ].join("\n");
}

/** The rules of a `_headers` file: every line that is neither indented, empty nor a comment. */
export function headerRules(headers: string): string[] {
  return headers.split("\n").filter((line) => line.trim() !== "" && !/^\s/.test(line) && !line.startsWith("#"));
}

/**
 * The whole `_headers` file: the base (with its policy) and a rule per built asset. Fails rather
 * than write rules Cloudflare would not apply, or a base rule that would add a long cache to a 404.
 */
export function withAssetRules(headers: string, assetPaths: readonly string[]): string {
  const wildcard = headerRules(headers).find((rule) => rule.startsWith("/_astro/"));
  if (wildcard) {
    throw new Error(`public/_headers has a rule for ${wildcard}: asset rules are written per file by the build.`);
  }
  const out = `${headers.trimEnd()}\n\n${immutableAssetRules(assetPaths)}\n`;
  const count = headerRules(out).length;
  if (count > MAX_HEADER_RULES) {
    throw new Error(
      `_headers would have ${count} rules; Cloudflare applies ${MAX_HEADER_RULES}. Fewer, larger bundles ` +
        "(build.rollupOptions.output.manualChunks), or serve /_astro/* through the Worker.",
    );
  }
  return out;
}
