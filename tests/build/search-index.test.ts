import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXCERPT_LENGTH, shownExcerpt } from "../../src/lib/search.ts";
import { DIST, indexedPages, openIndex, type PagefindResult } from "./pagefind.ts";

// The search index npm run build leaves in dist/pagefind, read and searched as the search page does.

/** Queries residents type, spread over notices, regulations and the letter. */
const QUERIES = ["规定", "扬尘", "夜市", "市民", "垃圾", "热线", "志愿者", "告市民书", "办法", "投诉"];
/** Punctuation that cannot begin a phrase: closing marks, stops, commas, Pagefind's ". ". */
const BAD_START = /^[\s，。、；：！？,.;:!?）)」』”’》…·]/u;

const text = (html: string) => html.replace(/<\/?mark>/g, "");
const plain = (content: string) => content.replaceAll("\u200b", "");

let index: Awaited<ReturnType<typeof openIndex>>;
let pages: PagefindResult[];
beforeAll(async () => {
  pages = await indexedPages();
  index = await openIndex(EXCERPT_LENGTH);
});
afterAll(() => index?.close());

describe("the search index", () => {
  it("holds the open letter, and 告市民书 finds it first", async () => {
    const html = await readFile(join(DIST, "letter", "index.html"), "utf8");
    expect(html).toContain("data-pagefind-body");
    const results = await index.search("告市民书");
    expect(results[0]?.url).toBe("/letter/");
    expect(results[0]?.meta.title).toBe("致全区市民的一封信");
  });

  it("carries every regulation's validity as metadata and as a filter, as its file says", async () => {
    const files = await readdir("content/regulations");
    const regulations = pages.filter((p) => p.url.startsWith("/regulations/"));
    expect(regulations).toHaveLength(files.length);
    for (const file of files) {
      const source = await readFile(join("content/regulations", file), "utf8");
      const validity = source.match(/^validity: "(.+)"$/m)?.[1];
      const page = regulations.find((p) => p.url === `/regulations/${file.replace(/\.md$/, "")}/`);
      expect(page?.meta.validity, file).toBe(validity);
      expect(page?.filters.validity, file).toEqual([validity]);
    }
    const repealed = (await index.search("扬尘")).find((r) => r.url === "/regulations/construction-dust-interim-2025/");
    expect(repealed?.meta.validity).toBe("已废止");
  });

  it("indexes a document's text once: not its title, type label, breadcrumb or metadata table again", () => {
    expect(pages.length).toBeGreaterThanOrEqual(25);
    for (const page of pages) {
      const content = plain(page.content);
      expect(content.startsWith(page.meta.title ?? "?"), page.url).toBe(false);
      // The type filter's label is a field of the result; only a page's own visible label (告市民书) is text.
      expect(content, page.url).not.toMatch(/^(通知公告|政策法规)/);
      expect(content, page.url).not.toContain("发文字号");
      expect(content, page.url).not.toContain("发布于");
    }
  });

  it("gives excerpts that start at a word, never at punctuation or Pagefind's heading stop", async () => {
    let seen = 0;
    for (const q of QUERIES) {
      for (const result of await index.search(q)) {
        const shown = text(shownExcerpt(result));
        expect(shown, `${q}: ${result.url}`).not.toMatch(BAD_START);
        // Pagefind ends an unpunctuated heading with ". ", which reads as a stray mark in Chinese.
        expect(shown, `${q}: ${result.url}`).not.toMatch(/[\p{Script=Han}）」”》]\.(\s|$)/u);
        expect(shown.length, `${q}: ${result.url}`).toBeGreaterThan(10);
        seen++;
      }
    }
    expect(seen).toBeGreaterThan(30);
  });
});
