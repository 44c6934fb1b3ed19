// The public address of a case, which the site links to and the Worker answers
// (functions/routes/complaints/case-page.ts): one place for its shape.

/** "261201-9107" → "/complaints/c/261201-9107/": the address people keep, share and scan. */
export const casePagePath = (caseNumber: string) => `/complaints/c/${caseNumber}/`;

/** The Atom feed of a case's public timeline. */
export const caseFeedPath = (caseNumber: string) => `/api/complaints/cases/${caseNumber}/feed.xml`;

/** The case number in a case page's path, or null on the lookup page itself ("/complaints/c/"). */
export function caseNumberInPath(pathname: string): string | null {
  const m = /^\/complaints\/c\/([^/]+)\/?$/.exec(pathname);
  if (!m?.[1]) return null;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return m[1];
  }
}
