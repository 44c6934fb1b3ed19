// The Content-Security-Policy of the static pages, built from what the pages actually inline, and
// the `_headers` file (Cloudflare Workers static assets) that carries it. Pure functions: the CLI
// is scripts/headers.ts.
import { createHash } from "node:crypto";

/**
 * Inline code stays small: anything bigger belongs in a bundled module under /_astro/. The bound is
 * Astro's own island loader (about 3 KB on pages with React islands); content pages are held to one
 * script of 1 KB by tests/build/page-budget.test.ts.
 */
export const MAX_INLINE_SCRIPT_BYTES = 8 * 1024;

/** Cloudflare ignores (with only a warning) a `_headers` line longer than this. */
export const MAX_HEADERS_LINE = 2000;

export interface BuiltPage {
  /** Where the page came from, for messages (e.g. `dist/search/index.html`). */
  file: string;
  html: string;
}

/**
 * The CSP hash source of a script's text, `'sha256-<base64>'`. The browser hashes the element's
 * text after the HTML parser has turned CR LF and lone CR into LF, so the same is done here.
 */
export function cspHash(text: string): string {
  const normalized = text.replace(/\r\n?/g, "\n");
  return `'sha256-${createHash("sha256").update(normalized, "utf8").digest("base64")}'`;
}

// Types a browser executes; any other type (application/ld+json, text/plain…) is a data block
// that CSP neither checks nor runs.
const EXECUTABLE_TYPES = new Set([
  "",
  "module",
  "importmap",
  "speculationrules",
  "text/javascript",
  "application/javascript",
  "text/ecmascript",
  "application/ecmascript",
]);

function attribute(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}(?:\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+)))?(?=\\s|$)`, "i").exec(attrs);
  if (!m) return undefined;
  return m[1] ?? m[2] ?? m[3] ?? "";
}

/** The text of every inline script of one HTML document that the browser would run. */
export function inlineScripts(html: string): string[] {
  const scripts: string[] = [];
  for (const [, attrs = "", text = ""] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    if (attribute(attrs, "src") !== undefined) continue;
    const type = (attribute(attrs, "type") ?? "").trim().toLowerCase();
    if (EXECUTABLE_TYPES.has(type)) scripts.push(text);
  }
  return scripts;
}

/**
 * The hash of every distinct inline script across the built pages, sorted so the header is stable
 * from build to build. Throws, naming each page, if an inline script is over `maxBytes`.
 */
export function collectScriptHashes(pages: BuiltPage[], maxBytes = MAX_INLINE_SCRIPT_BYTES): string[] {
  const hashes = new Set<string>();
  const tooLarge: string[] = [];
  for (const { file, html } of pages) {
    for (const script of inlineScripts(html)) {
      const bytes = Buffer.byteLength(script, "utf8");
      if (bytes > maxBytes) tooLarge.push(`  ${file}: ${bytes} bytes`);
      hashes.add(cspHash(script));
    }
  }
  if (tooLarge.length > 0) {
    throw new Error(
      `inline scripts over ${maxBytes} bytes:\n${tooLarge.join("\n")}\n` +
        "Move the code into a bundled <script> (without is:inline) so it is served from /_astro/, or shrink it.",
    );
  }
  return [...hashes].sort();
}

/** Where Cloudflare Turnstile's script and challenge frame come from. */
export const TURNSTILE_ORIGIN = "https://challenges.cloudflare.com";

/**
 * The policy every static response carries; `scriptHashes` from `collectScriptHashes`. With
 * `turnstile` (a site key was built in), the filing page may load Turnstile's script and frame: the
 * one origin its documentation names, for script-src and frame-src, and nothing wider.
 */
export function contentSecurityPolicy(scriptHashes: readonly string[], { turnstile = false } = {}): string {
  const external = turnstile ? [TURNSTILE_ORIGIN] : [];
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    // Pagefind compiles its search engine (/pagefind/wasm.*.pagefind) with WebAssembly.instantiate,
    // in its worker and, if the worker fails, on the page: 'wasm-unsafe-eval' allows exactly that,
    // not eval(). The inline scripts (senior mode) are allowed by hash, never by 'unsafe-inline'.
    ["script-src", "'self'", "'wasm-unsafe-eval'", ...external, ...scriptHashes],
    ...(turnstile ? [["frame-src", TURNSTILE_ORIGIN] as [string, string]] : []),
    // Astro inlines every page's CSS as one <style> element (inlineStylesheets: "always") and
    // Markdown code highlighting writes style="" attributes. Hashing the <style> elements would
    // put one hash per combination of components into this one site-wide header (Cloudflare keeps
    // one rule per path, a line of at most 2,000 characters) and still not allow the attributes.
    // CSS cannot run code, and img-src, font-src and connect-src 'self' leave injected CSS no way
    // to send data elsewhere.
    ["style-src", "'self'", "'unsafe-inline'"],
    // data: and blob: for images made in the page: previews of the photos attached to a complaint.
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'"],
    // Pagefind fetches pagefind-entry.json, its metadata, index and fragment chunks and the wasm.
    ["connect-src", "'self'"],
    // Pagefind starts its worker from /pagefind/pagefind-worker.js; nothing makes blob: workers.
    ["worker-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'none'"],
    ["frame-ancestors", "'none'"],
    ["form-action", "'self'"],
    ["upgrade-insecure-requests"],
  ];
  return directives.map((d) => d.join(" ")).join("; ");
}

/**
 * The `_headers` file: `base` (public/_headers) with the Content-Security-Policy added to its `/*`
 * rule. A second `/*` rule would replace the first (Cloudflare keeps one rule per path), so the
 * header goes into the existing one. Throws if `base` has no `/*` rule, already sets a CSP, or a
 * line would be too long for Cloudflare to apply.
 */
export function renderHeaders(base: string, csp: string): string {
  const lines = base.split("\n");
  if (lines.some((l) => /^\s*content-security-policy\s*:/i.test(l))) {
    throw new Error("public/_headers sets a Content-Security-Policy itself; the build adds it, remove that line.");
  }
  const all = lines.findIndex((l) => l.trim() === "/*");
  if (all === -1) throw new Error("public/_headers has no `/*` rule to add the Content-Security-Policy to.");
  const output = [
    ...lines.slice(0, all + 1),
    "  # Added by scripts/headers.ts from the inline scripts of the built pages.",
    `  Content-Security-Policy: ${csp}`,
    ...lines.slice(all + 1),
  ];
  for (const [i, line] of output.entries()) {
    if (line.trim().length > MAX_HEADERS_LINE) {
      throw new Error(
        `_headers line ${i + 1} is ${line.trim().length} characters; Cloudflare ignores lines over ${MAX_HEADERS_LINE}. ` +
          "Too many distinct inline scripts: move some into bundled modules.",
      );
    }
  }
  return output.join("\n");
}
