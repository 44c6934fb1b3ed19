// A private link's secret lives in the URL fragment (#t=…), which browsers never send to a server:
// the tracking page and a sweep's manage page read it from there and send it only in a header.

/** The secret in a fragment ("#t=…"), or null when there is none. */
export function secretOfHash(hash: string): string | null {
  const secret = new URLSearchParams(hash.replace(/^#/, "")).get("t");
  return secret?.trim() ? secret.trim() : null;
}
