import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";

export interface Bytes {
  raw: number;
  gzip: number;
}

export interface PageWeight {
  /** The URL path the page is served at. */
  path: string;
  html: Bytes;
  css: Bytes;
  js: Bytes;
  /** The inline scripts' sizes in bytes, each. */
  inlineScripts: number[];
  /** The src of every external script the page loads. */
  scriptFiles: string[];
}

const measure = (text: string): Bytes => ({
  raw: Buffer.byteLength(text),
  gzip: gzipSync(text, { level: 9 }).length,
});

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith(".html")).map((e) => join(e.parentPath, e.name));
}

/** The URL path a built HTML file answers at (directory format: a/b/index.html → /a/b/). */
export function urlPath(distDir: string, file: string): string {
  const rel = relative(distDir, file).replaceAll("\\", "\\/");
  if (rel === "index.html") return "/";
  return rel.endsWith("/index.html") ? `/${rel.slice(0, -"index.html".length)}` : `/${rel}`;
}

/**
 * The bytes a visitor downloads for each built page: the HTML, its CSS (inline styles and linked
 * sheets) and its JavaScript (inline and external scripts), raw and gzipped.
 */
export async function measurePages(distDir = "dist"): Promise<PageWeight[]> {
  const files = (await htmlFiles(distDir)).sort();
  return Promise.all(
    files.map(async (file) => {
      const html = await readFile(file, "utf8");
      const styles = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1] ?? "");
      const sheets = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => m[1] ?? "");
      const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
      const scriptFiles = scripts.map((m) => /src="([^"]+)"/.exec(m[1] ?? "")?.[1]).filter((s): s is string => !!s);
      const inline = scripts.filter((m) => !/src=/.test(m[1] ?? "")).map((m) => m[2] ?? "");
      const external = async (href: string) => readFile(join(distDir, href), "utf8");
      const css = styles.join("") + (await Promise.all(sheets.map(external))).join("");
      const js = inline.join("") + (await Promise.all(scriptFiles.map(external))).join("");
      return {
        path: urlPath(distDir, file),
        html: measure(html),
        css: measure(css),
        js: measure(js),
        inlineScripts: inline.map((s) => Buffer.byteLength(s)),
        scriptFiles,
      };
    }),
  );
}
