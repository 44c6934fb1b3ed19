// Client-side full-text search over the static Pagefind index built after `astro build`.
// Pagefind segments Chinese text (the page language is zh-CN), so two-character words match.

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string; date?: string };
  filters: { type?: string[] };
}
interface Pagefind {
  options(o: { baseUrl: string; excerptLength?: number }): Promise<void>;
  search(q: string): Promise<{ results: { data(): Promise<PagefindResultData> }[] }>;
}

const MAX_RESULTS = 20;

export async function runSearch(form: HTMLFormElement, status: HTMLElement, list: HTMLOListElement): Promise<void> {
  const q = new URLSearchParams(location.search).get("q")?.trim() ?? "";
  const input = form.elements.namedItem("q") as HTMLInputElement;
  input.value = q;
  if (!q) return;
  status.textContent = "正在搜索…";
  try {
    const pagefind = (await import(/* @vite-ignore */ `${location.origin}/pagefind/pagefind.js`)) as Pagefind;
    await pagefind.options({ baseUrl: "/", excerptLength: 40 });
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
  type.textContent = [d.filters.type?.[0], d.meta.date].filter(Boolean).join(" · ");
  const excerpt = document.createElement("p");
  // Pagefind escapes the page text and adds only <mark> around the matched words.
  excerpt.innerHTML = d.excerpt;
  li.append(h, type, excerpt);
  return li;
}
