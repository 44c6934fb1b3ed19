// Ordering and titles for the content pages. Dates and times are written by src/shared/time.ts.

/** Newest first; ties broken by title so the order is stable between builds. */
export function byDateDesc<T extends { date: string; title: string }>(a: T, b: T): number {
  return b.date.localeCompare(a.date) || a.title.localeCompare(b.title, "zh-CN");
}

/** A page title as the browser tab and search engines show it. */
export function pageTitle(title: string | undefined, siteName: string): string {
  return title ? `${title} - ${siteName}` : siteName;
}
