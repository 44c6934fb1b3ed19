import { describe, expect, it } from "vitest";
import { shownExcerpt } from "../../src/lib/search.ts";

// Pagefind's page text: segments joined by zero-width spaces, ". " after an unpunctuated heading.
const content = (text: string) => text.replaceAll("", "\u200b").replaceAll("\u200b \u200b", " ");

describe("the excerpt a search result shows", () => {
  const page = content("可以反映哪些问题. 暴露垃圾、占道经营、井盖缺失。桂园路夜市开市以来，方便了周边居民。");

  it("reads Pagefind's stop after a Chinese heading as 。", () => {
    expect(shownExcerpt({ content: page, excerpt: "可以反映哪些问题. 暴露<mark>垃圾</mark>、占道经营" })).toBe(
      "可以反映哪些问题。暴露<mark>垃圾</mark>、占道经营…",
    );
  });

  it("moves a window that starts inside a word back to the start of its sentence", () => {
    expect(shownExcerpt({ content: page, excerpt: "园路<mark>夜市</mark>开市以来，方便了周边居民。" })).toBe(
      "桂园路<mark>夜市</mark>开市以来，方便了周边居民。",
    );
  });

  it("reaches back to the page's start and escapes the text it adds", () => {
    const withTags = content("说明<b>。第一条 内容在这里继续写下去，直到句子结束为止。");
    expect(shownExcerpt({ content: withTags, excerpt: "。第一条 <mark>内容</mark>在这里" })).toBe(
      "说明&lt;b&gt;。第一条 <mark>内容</mark>在这里…",
    );
  });

  it("starts at the next sentence when its own start is far back, never at punctuation", () => {
    const long = content(
      `${"很长的一句话没有停顿".repeat(5)}，还在继续。第一条 内容在这里继续写下去，直到句子结束为止。`,
    );
    expect(shownExcerpt({ content: long, excerpt: "，还在继续。第一条 <mark>内容</mark>在这里继续写下去" })).toBe(
      "第一条 <mark>内容</mark>在这里继续写下去…",
    );
    expect(shownExcerpt({ content: long, excerpt: "，还在继续。<mark>第一</mark>条" })).toBe(
      "还在继续。<mark>第一</mark>条…",
    );
  });
});
