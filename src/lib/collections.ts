import { type CollectionEntry, getCollection } from "astro:content";
import { byDateDesc } from "./format";

export type Notice = CollectionEntry<"notices">;
export type Regulation = CollectionEntry<"regulations">;

export const NOTICES_PER_PAGE = 10;

export async function sortedNotices(): Promise<Notice[]> {
  const all = await getCollection("notices");
  return all.sort((a, b) => byDateDesc(a.data, b.data));
}

/**
 * Regulations newest first, after checking every `replacedBy` names an existing document: a broken
 * link between documents fails the build, naming the file.
 */
export async function sortedRegulations(): Promise<Regulation[]> {
  const all = await getCollection("regulations");
  const ids = new Set(all.map((r) => r.id));
  for (const r of all) {
    if (r.data.replacedBy && !ids.has(r.data.replacedBy)) {
      throw new Error(`content/regulations/${r.id}.md: replacedBy "${r.data.replacedBy}" 不是已有的文件`);
    }
  }
  return all.sort((a, b) =>
    byDateDesc(
      { date: a.data.publishedDate, title: a.data.title },
      { date: b.data.publishedDate, title: b.data.title },
    ),
  );
}
