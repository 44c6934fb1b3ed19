/** "2026-10-12" → "2026年10月12日", the way Chinese government pages write dates. */
export function formatDateZh(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) throw new Error(`not an ISO date: ${iso}`);
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** Newest first; ties broken by title so the order is stable between builds. */
export function byDateDesc<T extends { date: string; title: string }>(a: T, b: T): number {
  return b.date.localeCompare(a.date) || a.title.localeCompare(b.title, "zh-CN");
}

/** A page title as the browser tab and search engines show it. */
export function pageTitle(title: string | undefined, siteName: string): string {
  return title ? `${title} - ${siteName}` : siteName;
}
