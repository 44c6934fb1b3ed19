// The manage link's secret lives in the URL fragment (#t=…), which browsers never send to a server:
// the island reads it from there (src/lib/kit/link-secret.ts) and sends it only in the x-manage-token header.

/** The page a sign-up is managed on. */
export const MANAGE_PATH = "/volunteer/manage/";

/** The whole link to keep: the origin, the page and the secret in its fragment. */
export const manageLink = (origin: string, token: string) => `${origin}${MANAGE_PATH}#t=${encodeURIComponent(token)}`;

/** A sweep's own page (a query, not a path: see src/pages/volunteer/sweep.astro). */
export const sweepPath = (id: string) => `/volunteer/sweep/?id=${encodeURIComponent(id)}`;
