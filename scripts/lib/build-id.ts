// The name of the directory a build's hashed files go to (/_astro/<id>/), so one `_headers` rule,
// `/_astro/<id>/*`, can cache exactly this build's files for a year (scripts/lib/asset-headers.ts).
// Unique per build: a page still open from an older build asks for files under the older id, which
// no rule matches, so their 404 is never cached; a rolled-back build comes back with its own id and
// all of its files.
import { execFileSync } from "node:child_process";

function git(...args: string[]): string {
  try {
    return execFileSync("git", args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return "";
  }
}

/**
 * The commit's short hash when the tree is clean (the same commit built twice gives the same
 * files); with uncommitted changes or outside git, the time as well, so two different builds never
 * share an id. `ASSET_BUILD_ID` overrides both (a deploy pipeline that has its own build number).
 */
export function buildId(env: Record<string, string | undefined> = process.env): string {
  const given = env.ASSET_BUILD_ID;
  if (given) {
    if (!/^[a-z0-9-]{1,40}$/.test(given)) throw new Error(`ASSET_BUILD_ID ${given}: use a-z, 0-9 and -`);
    return given;
  }
  const commit = git("rev-parse", "--short=10", "HEAD");
  const clean = commit !== "" && git("status", "--porcelain") === "";
  return clean ? commit : `${commit || "b"}-${Date.now().toString(36)}`;
}
