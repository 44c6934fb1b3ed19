// The built Pagefind index, searched in Node the way the search page searches it in the browser:
// Pagefind's own pagefind.js and wasm, fetched over a small static server on dist/.
import { readdir, readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { extname, join, resolve } from "node:path";
import { gunzipSync } from "node:zlib";

export const DIST = "dist";

/** What `result.data()` gives the search page (src/lib/search.ts reads the same fields). */
export interface PagefindResult {
  url: string;
  content: string;
  excerpt: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}
interface PagefindModule {
  options(o: { basePath: string; baseUrl: string; excerptLength?: number }): Promise<void>;
  search(q: string): Promise<{ results: { data(): Promise<PagefindResult> }[] }>;
}

/** Pagefind's page records as it stored them: gzip, a signature, then the JSON of the page. */
export async function indexedPages(): Promise<PagefindResult[]> {
  const dir = join(DIST, "pagefind", "fragment");
  const files = await readdir(dir);
  return Promise.all(
    files.map(async (f) => {
      const text = gunzipSync(await readFile(join(dir, f))).toString("utf8");
      return JSON.parse(text.slice(text.indexOf("{"))) as PagefindResult;
    }),
  );
}

/** Starts a static server on dist/ and loads Pagefind from it; `close()` stops the server. */
export async function openIndex(
  excerptLength: number,
): Promise<{ search: (q: string) => Promise<PagefindResult[]>; close: () => void }> {
  const root = resolve(DIST);
  const server: Server = createServer(async (req, res) => {
    try {
      const path = resolve(join(root, decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)));
      if (!path.startsWith(root)) throw new Error("outside dist/");
      const body = await readFile(path);
      if (extname(path) === ".pagefind") res.setHeader("content-type", "application/wasm");
      res.end(body);
    } catch {
      res.statusCode = 404;
      res.end();
    }
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("no port");
  const pagefind = (await import(join(root, "pagefind", "pagefind.js"))) as PagefindModule;
  await pagefind.options({ basePath: `http://127.0.0.1:${address.port}/pagefind/`, baseUrl: "/", excerptLength });
  return {
    async search(q) {
      const { results } = await pagefind.search(q);
      return Promise.all(results.map((r) => r.data()));
    },
    close: () => server.close(),
  };
}
