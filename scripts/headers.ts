// Last step of `npm run build`: writes dist/_headers, public/_headers with the
// Content-Security-Policy added, hashed from the inline scripts of every built page, and a year's
// cache for this build's hashed files under dist/_astro/<build id>/. Fails the build if an inline
// script is over 1 KB, the policy would not fit in a `_headers` line or the rules are too many.
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
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

/**
 * The build's directory of hashed files, "/_astro/<build id>/" (astro.config.mjs `build.assets`),
 * and how many files it holds. dist/_astro/ holds that directory and nothing else.
 */
async function builtAssetDir(): Promise<{ dir: string; files: number }> {
  const top = await readdir(join(DIST, "_astro"), { withFileTypes: true });
  const [only, ...more] = top;
  if (!only || more.length > 0 || !only.isDirectory()) {
    throw new Error(`${DIST}/_astro/ should hold one build directory, not: ${top.map((e) => e.name).join(", ")}`);
  }
  const files = (await readdir(join(DIST, "_astro", only.name), { recursive: true, withFileTypes: true })).filter((e) =>
    e.isFile(),
  ).length;
  return { dir: `/_astro/${only.name}/`, files };
}

try {
  const pages = await builtPages(DIST);
  if (pages.length === 0) throw new Error(`no HTML files in ${DIST}/: run \`astro build\` first.`);
  const hashes = collectScriptHashes(pages);
  // A Turnstile site key built into the filing page (see README, deploy) needs its origin allowed.
  const turnstile = Boolean(process.env.PUBLIC_TURNSTILE_SITE_KEY);
  const policy = renderHeaders(await readFile(BASE, "utf8"), contentSecurityPolicy(hashes, { turnstile }));
  const assets = await builtAssetDir();
  const headers = withAssetRules(policy, assets.dir);
  await writeFile(join(DIST, "_headers"), headers);
  console.log(
    `${DIST}/_headers: Content-Security-Policy with ${hashes.length} inline script hash(es), ${pages.length} pages; the ${assets.files} hashed files under ${assets.dir} cached for a year`,
  );
} catch (err) {
  console.error(`scripts/headers.ts: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
}
