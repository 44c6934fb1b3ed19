// The `_headers` rule that lets the hashed files Astro builds be cached for a year. Pure functions:
// the CLI is scripts/headers.ts.

/** Cloudflare applies at most this many `_headers` rules (Workers static assets, like Pages). */
export const MAX_HEADER_RULES = 100;

export const IMMUTABLE = "public, max-age=31536000, immutable";

/**
 * One rule for the build's own directory of hashed files, `/_astro/<build id>/*` (the id is new
 * for each build: scripts/lib/build-id.ts). Not `/_astro/*`: a file missing there (a page cached
 * from an older build asking for an old hash) is answered with the 404 page, and a pattern over all
 * builds would give that 404 a year in every browser and cache. A missing file under this build's
 * id is asked for by no page of any build. Without a rule a response keeps the platform's default,
 * `public, max-age=0, must-revalidate`. (One rule per file, as before, outgrew the 100 rules once
 * the pages had more than ~90 chunks.)
 */
export function immutableAssetRule(buildDir: string): string {
  if (!/^\/_astro\/[a-z0-9-]{1,40}\/$/.test(buildDir)) {
    throw new Error(`${buildDir}: not a build's directory under /_astro/ (see scripts/lib/build-id.ts)`);
  }
  return [
    "# Added by scripts/headers.ts: this build's hashed files, cached for a year (see",
    "# scripts/lib/asset-headers.ts for why not /_astro/*).",
    `${buildDir}*`,
    `  Cache-Control: ${IMMUTABLE}`,
  ].join("\n");
}

/** The rules of a `_headers` file: every line that is neither indented, empty nor a comment. */
export function headerRules(headers: string): string[] {
  return headers.split("\n").filter((line) => line.trim() !== "" && !/^\s/.test(line) && !line.startsWith("#"));
}

/**
 * The whole `_headers` file: the base (with its policy) and the build's asset rule. Fails rather
 * than write rules Cloudflare would not apply, or a base rule that would add a long cache to a 404.
 */
export function withAssetRules(headers: string, buildDir: string): string {
  const wildcard = headerRules(headers).find((rule) => rule.startsWith("/_astro/"));
  if (wildcard) {
    throw new Error(`public/_headers has a rule for ${wildcard}: the asset rule is written by the build.`);
  }
  const out = `${headers.trimEnd()}\n\n${immutableAssetRule(buildDir)}\n`;
  const count = headerRules(out).length;
  if (count > MAX_HEADER_RULES) {
    throw new Error(`_headers would have ${count} rules; Cloudflare applies ${MAX_HEADER_RULES}.`);
  }
  return out;
}
