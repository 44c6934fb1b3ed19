// The manage link's secret lives in the URL fragment (#t=…), which browsers never send to a server:
// the island reads it from there and sends it only in the x-manage-token header.

/** The page a sign-up is managed on. */
export const MANAGE_PATH = "/volunteer/manage/";

/** The whole link to keep: the origin, the page and the secret in its fragment. */
export const manageLink = (origin: string, token: string) => `${origin}${MANAGE_PATH}#t=${encodeURIComponent(token)}`;

/** The secret in a fragment ("#t=…"), or null when there is none. */
export function tokenOfHash(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, "")).get("t");
  return token?.trim() ? token.trim() : null;
}

/** A sweep's own page (a query, not a path: see src/pages/volunteer/sweep.astro). */
export const sweepPath = (id: string) => `/volunteer/sweep/?id=${encodeURIComponent(id)}`;
