// The filing form's finder: a resident types how they would say it ("楼下有人摆摊") and gets the
// classes whose plain name, official name or synonyms (content/complaints/categories.json) it
// holds, best first. Pure, and given the categories rather than importing the file, so the filing
// island takes them from its build-time props and the unit tests' everyday phrasings pin it down.
import type { Category } from "./categories";

/** What the finder reads of a category. */
export type FindableCategory = Pick<Category, "type" | "label" | "name" | "synonyms" | "majorName" | "majorLabel">;

/** Full-width forms as half-width (NFKC), lower case, without spaces, punctuation or symbols. */
export function normaliseQuery(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, "");
}

interface Entry {
  category: FindableCategory;
  /** Each term as its words: ["垃圾", "满"] for "垃圾+满". */
  terms: string[][];
  classNames: string[];
}

// Each keystroke searches again: the normalised terms are kept per list of categories.
const entriesOf = new WeakMap<readonly FindableCategory[], Entry[]>();

function entries(categories: readonly FindableCategory[]): Entry[] {
  let found = entriesOf.get(categories);
  if (!found) {
    found = categories
      .filter((c) => c.type !== "other")
      .map((category) => ({
        category,
        terms: [category.label, category.name, ...category.synonyms].map((t) => t.split("+").map(normaliseQuery)),
        classNames: [category.majorName, category.majorLabel].map(normaliseQuery),
      }));
    entriesOf.set(categories, found);
  }
  return found;
}

/**
 * How well one category answers the query: a term whose words all appear in what was typed
 * counts twice its length (longer, more specific terms win: "施工噪音" over "噪音"); what was
 * typed appearing inside a term (typing "垃圾", or half a word) counts its own length; the class
 * name counts least. 0 when nothing matches.
 */
function score(entry: Entry, q: string): number {
  let best = 0;
  for (const words of entry.terms) {
    if (words.every((w) => q.includes(w))) best = Math.max(best, 2 * words.reduce((n, w) => n + w.length, 0));
    else if (words.length === 1 && words[0]?.includes(q)) best = Math.max(best, q.length);
  }
  for (const name of entry.classNames) {
    if (name.includes(q)) best = Math.max(best, q.length / 2);
    else if (q.includes(name)) best = Math.max(best, name.length / 2);
  }
  return best;
}

/**
 * The categories that answer what a resident typed, best first (file order among equals).
 * Never "other": the form always offers it beside the results.
 */
export function findCategories<C extends FindableCategory>(categories: readonly C[], query: string): C[] {
  const q = normaliseQuery(query);
  if (!q) return [];
  return entries(categories)
    .map((entry) => ({ category: entry.category, score: score(entry, q) }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score)
    .map((x) => x.category as C);
}
