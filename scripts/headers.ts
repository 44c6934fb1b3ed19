// Last step of `npm run build`: writes dist/_headers, public/_headers with the
// Content-Security-Policy added, hashed from the inline scripts of every built page, and a year's
// cache for each hashed file under dist/_astro/ by its exact path. Fails the build if an inline
// script is over 1 KB, the policy would not fit in a `_headers` line or the rules are too many.
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { withAssetRules } from "./lib/asset-headers.ts";
import { type BuiltPage, collectScriptHashes, contentSecurityPolicy, renderHeaders } from "./lib/csp.ts";

const DIST = "dist";
// Read from public/, not from Astro's copy in dist/, so running this twice gives the same file.
const BASE = "public/_headers";

async function builtPages(dir: string): Promise<BuiltPage[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile() && e.name.endsWith(".html")).map((e) => join(e.parentPath, e.name));
  return Promise.all(files.sort().map(async (file) => ({ file, html: await readFile(file, "utf8") })));
}

/** The URL path of every file under dist/_astro/. */
async function builtAssets(): Promise<string[]> {
  const entries = await readdir(join(DIST, "_astro"), { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => `/${relative(DIST, join(e.parentPath, e.name)).split(sep).join("/")}`);
}

try {
  const pages = await builtPages(DIST);
  if (pages.length === 0) throw new Error(`no HTML files in ${DIST}/: run \`astro build\` first.`);
  const hashes = collectScriptHashes(pages);
  // A Turnstile site key built into the filing page (see README, deploy) needs its origin allowed.
  const turnstile = Boolean(process.env.PUBLIC_TURNSTILE_SITE_KEY);
  const policy = renderHeaders(await readFile(BASE, "utf8"), contentSecurityPolicy(hashes, { turnstile }));
  const assets = await builtAssets();
  const headers = withAssetRules(policy, assets);
  await writeFile(join(DIST, "_headers"), headers);
  console.log(
    `${DIST}/_headers: Content-Security-Policy with ${hashes.length} inline script hash(es), ${pages.length} pages; ${assets.length} hashed files cached for a year`,
  );
} catch (err) {
  console.error(`scripts/headers.ts: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
}
