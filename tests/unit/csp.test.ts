import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  collectScriptHashes,
  contentSecurityPolicy,
  cspHash,
  inlineScripts,
  MAX_HEADERS_LINE,
  MAX_INLINE_SCRIPT_BYTES,
  renderHeaders,
} from "../../scripts/lib/csp.ts";

/** The CSP source for `text`, computed the way the CSP spec says, independently of the module. */
const expectedHash = (text: string) =>
  `'sha256-${createHash("sha256").update(Buffer.from(text, "utf8")).digest("base64")}'`;

const page = (file: string, ...scripts: string[]) => ({
  file,
  html: `<!doctype html><html><head>${scripts.map((s) => `<script>${s}</script>`).join("")}</head><body></body></html>`,
});

const BASE = [
  "# base",
  "/*",
  "  X-Content-Type-Options: nosniff",
  "",
  "/_astro/*",
  "  Cache-Control: public, max-age=31536000, immutable",
  "",
].join("\n");

describe("cspHash", () => {
  it("is the base64 SHA-256 of the script's UTF-8 text as a 'sha256-…' source", () => {
    const script = 'document.documentElement.classList.add("senior") // 长者模式';
    expect(cspHash(script)).toBe(expectedHash(script));
    expect(cspHash(script)).toMatch(/^'sha256-[A-Za-z0-9+/]{43}='$/);
  });

  it("hashes line breaks as the HTML parser leaves them (CR LF becomes LF)", () => {
    expect(cspHash("a();\r\nb();\rc();")).toBe(expectedHash("a();\nb();\nc();"));
  });
});

describe("inlineScripts", () => {
  it("takes the exact text of classic and module inline scripts, not external files or data blocks", () => {
    const html = [
      "<script> one(); </script>",
      '<script type="module">two()</script>',
      '<script type="module" src="/_astro/search.js"></script>',
      "<script src=/pagefind/pagefind.js></script>",
      '<script type="application/ld+json">{"@type":"Organization"}</script>',
    ].join("\n");
    expect(inlineScripts(html)).toEqual([" one(); ", "two()"]);
  });
});

describe("collectScriptHashes", () => {
  it("hashes every distinct inline script across pages once, in a stable order", () => {
    const senior = "(()=>{document.documentElement.classList.add('senior')})()";
    const a = "console.info('a')";
    const b = "console.info('b')";
    const hashes = collectScriptHashes([page("index.html", senior, a), page("x/index.html", senior, b)]);
    expect(hashes).toEqual([expectedHash(senior), expectedHash(a), expectedHash(b)].sort());
  });

  it("gives no hashes for pages without inline scripts", () => {
    expect(collectScriptHashes([page("index.html")])).toEqual([]);
  });

  it("accepts a script of exactly the limit, counted in UTF-8 bytes", () => {
    const script = `//${"长".repeat(340)}xx`; // 2 + 340 × 3 + 2 bytes
    expect(Buffer.byteLength(script)).toBe(1024);
    expect(collectScriptHashes([page("index.html", script)], 1024)).toEqual([expectedHash(script)]);
  });

  it("fails, naming the page and the size, for an inline script over the limit", () => {
    const big = `//${"长".repeat(400)}`; // 1,202 bytes, though only 402 characters
    expect(() =>
      collectScriptHashes([page("dist/ok/index.html", "ok()"), page("dist/big/index.html", big)], 1024),
    ).toThrow(/over 1024 bytes:\n\s+dist\/big\/index\.html: 1202 bytes/);
  });

  it("lets Astro's island loader through by default but not a bundle pasted inline", () => {
    expect(() => collectScriptHashes([page("a/index.html", "x".repeat(4000))])).not.toThrow();
    expect(() => collectScriptHashes([page("a/index.html", "x".repeat(MAX_INLINE_SCRIPT_BYTES + 1))])).toThrow(/over/);
  });
});

describe("contentSecurityPolicy", () => {
  it("allows inline scripts only by hash and keeps the lock-down directives", () => {
    const policy = contentSecurityPolicy([expectedHash("a()"), expectedHash("b()")]);
    const scriptSrc = policy.split("; ").find((d) => d.startsWith("script-src "));
    expect(scriptSrc).toBe(`script-src 'self' 'wasm-unsafe-eval' ${expectedHash("a()")} ${expectedHash("b()")}`);
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    for (const d of ["default-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"])
      expect(policy.split("; ")).toContain(d);
    expect(policy.endsWith("; upgrade-insecure-requests")).toBe(true);
    expect(policy).not.toContain("challenges.cloudflare.com");
  });

  it("opens exactly Turnstile's origin for scripts and frames when a site key is built in", () => {
    const directives = contentSecurityPolicy([], { turnstile: true }).split("; ");
    expect(directives).toContain("script-src 'self' 'wasm-unsafe-eval' https://challenges.cloudflare.com");
    expect(directives).toContain("frame-src https://challenges.cloudflare.com");
    expect(directives).toContain("connect-src 'self'");
  });
});

describe("renderHeaders", () => {
  it("adds the policy to the /* rule and keeps the other rules as they are", () => {
    const out = renderHeaders(BASE, "default-src 'self'");
    const lines = out.split("\n");
    const all = lines.indexOf("/*");
    const rule = lines.slice(all + 1, lines.indexOf("", all));
    expect(rule).toContain("  Content-Security-Policy: default-src 'self'");
    expect(rule).toContain("  X-Content-Type-Options: nosniff");
    expect(out).toContain("/_astro/*\n  Cache-Control: public, max-age=31536000, immutable");
    expect(out.match(/^\/\*$/gm)).toHaveLength(1);
  });

  it("refuses a base without a /* rule, or one that sets its own policy", () => {
    expect(() => renderHeaders("/_astro/*\n  Cache-Control: immutable\n", "default-src 'self'")).toThrow(
      /no `\/\*` rule/,
    );
    expect(() => renderHeaders(`${BASE}/x\n  Content-Security-Policy: default-src *\n`, "default-src 'self'")).toThrow(
      /sets a Content-Security-Policy itself/,
    );
  });

  it("fails rather than write a policy line Cloudflare would ignore", () => {
    const hashes = Array.from({ length: 40 }, (_, i) => expectedHash(`s${i}()`));
    expect(() => renderHeaders(BASE, contentSecurityPolicy(hashes))).toThrow(
      new RegExp(`Cloudflare ignores lines over ${MAX_HEADERS_LINE}`),
    );
  });
});
