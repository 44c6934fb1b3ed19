// Client-side full-text search over the static Pagefind index built after `astro build`.
// Pagefind segments Chinese text (the page language is zh-CN), so two-character words match.
// What is indexed is chosen on the pages: a document's body, with its title, type, validity and
// date as the result's own fields (data-pagefind-meta/filter) and breadcrumbs and metadata tables
// left out (data-pagefind-ignore), so an excerpt shows the document's words.

import { VALIDITIES, VALIDITY_SLUGS, type Validity } from "../shared/publishing";

interface PagefindResultData {
  url: string;
  /** The page's indexed text, words separated by zero-width spaces. */
  content: string;
  excerpt: string;
  meta: { title?: string; date?: string; validity?: string };
  filters: { type?: string[] };
}
interface Pagefind {
  options(o: { baseUrl: string; excerptLength?: number }): Promise<void>;
  search(q: string): Promise<{ results: { data(): Promise<PagefindResultData> }[] }>;
}

const MAX_RESULTS = 20;
/** Words (Pagefind's segments) per excerpt: about two lines on a phone. */
export const EXCERPT_LENGTH = 40;

export async function runSearch(form: HTMLFormElement, status: HTMLElement, list: HTMLOListElement): Promise<void> {
  const q = new URLSearchParams(location.search).get("q")?.trim() ?? "";
  const input = form.elements.namedItem("q") as HTMLInputElement;
  input.value = q;
  if (!q) return;
  status.textContent = "正在搜索…";
  try {
    const pagefind = (await import(/* @vite-ignore */ `${location.origin}/pagefind/pagefind.js`)) as Pagefind;
    await pagefind.options({ baseUrl: "/", excerptLength: EXCERPT_LENGTH });
    const { results } = await pagefind.search(q);
    const data = await Promise.all(results.slice(0, MAX_RESULTS).map((r) => r.data()));
    list.replaceChildren(...data.map(renderResult));
    status.textContent = results.length
      ? `“${q}”共找到 ${results.length} 条结果${results.length > MAX_RESULTS ? `，显示前 ${MAX_RESULTS} 条` : ""}。`
      : `没有找到与“${q}”相关的内容，请换个词试试。`;
  } catch (err) {
    console.error(err);
    status.textContent = "搜索暂时不可用，请稍后再试。";
  }
}

function renderResult(d: PagefindResultData): HTMLLIElement {
  const li = document.createElement("li");
  li.className = "card";
  const h = document.createElement("h2");
  const a = document.createElement("a");
  a.href = d.url;
  a.textContent = d.meta.title ?? d.url;
  h.append(a);
  const type = document.createElement("p");
  type.className = "muted";
  const validity = validityOf(d.meta.validity);
  if (validity) {
    // The same badge as the regulation lists (ValidityTag.astro).
    const tag = document.createElement("span");
    tag.className = `tag ${VALIDITY_SLUGS[validity]}`;
    tag.textContent = validity;
    type.append(tag, " ");
  }
  type.append([d.filters.type?.[0], d.meta.date].filter(Boolean).join(" · "));
  const excerpt = document.createElement("p");
  // Pagefind escapes the page text and adds only <mark> around the matched words.
  excerpt.innerHTML = shownExcerpt(d);
  li.append(h, type, excerpt);
  return li;
}

const validityOf = (v: string | undefined): Validity | undefined => VALIDITIES.find((known) => known === v);

/**
 * Pagefind ends a block that has no closing punctuation (a heading, a signature) with ". ", an English
 * full stop: after Chinese text (or a highlighted word) it becomes "。".
 */
const PAGEFIND_STOP = /([\p{Script=Han}\p{Pe}\p{Pf}]|<\/mark>)\.(?=\s|$)\s*/gu;
/** Where a Chinese sentence (or clause of a list) ends. */
const SENTENCE_END = /[。！？；]/gu;
/** What may not begin a line: closing marks, stops and commas, and the spaces around them. */
const LEADING_JUNK = /^[\s，。、；：！？,.;:!?）)」』”’》…·]+/u;

/** Characters an excerpt may reach back for the start of its sentence. */
const REACH_BACK = 30;

/**
 * The excerpt as shown: Pagefind picks a window of words around the matches, which may start in the
 * middle of a sentence or a word. The window is moved back to the start of its sentence when that is
 * near, else cut to begin at the first sentence that still holds every match; it ends with "…" when
 * the page goes on.
 */
export function shownExcerpt(d: Pick<PagefindResultData, "excerpt" | "content">): string {
  let html = d.excerpt.replace(PAGEFIND_STOP, "$1。").trim();
  const content = d.content.replaceAll("\u200b", "").replace(PAGEFIND_STOP, "$1。");
  const at = content.indexOf(plain(html).slice(0, 12));
  if (at > 0) {
    const back = content.slice(Math.max(0, at - REACH_BACK), at);
    const end = Math.max(...[...back.matchAll(SENTENCE_END)].map((m) => m.index ?? -1), -1);
    if (end !== -1 || at <= REACH_BACK) html = escapeHtml(back.slice(end + 1).trimStart()) + html;
    else html = fromFirstSentence(html);
  }
  html = html.replace(LEADING_JUNK, "");
  const tail = plain(html);
  return content.trimEnd().endsWith(tail.slice(-12)) || /[。！？]$/u.test(tail) ? html : `${html}…`;
}

/** Drops what comes before the last sentence end ahead of the first match, if enough is left to read. */
function fromFirstSentence(html: string): string {
  const firstMark = html.indexOf("<mark>");
  const before = html.slice(0, firstMark === -1 ? html.length : firstMark);
  const cut = [...before.matchAll(SENTENCE_END)].at(-1)?.index;
  return cut !== undefined && plain(html.slice(cut + 1)).length >= 12 ? html.slice(cut + 1) : html;
}

const plain = (html: string) => html.replace(/<\/?mark>/g, "");
const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);
