const KEY = "complaint-supporter-id";

/**
 * This browser's random supporter id, kept so that supporting the same case twice counts once.
 * It names no one: the server stores only a hash of it.
 */
export function supporterId(): string {
  try {
    const kept = localStorage.getItem(KEY);
    if (kept && /^[A-Za-z0-9_-]{16,64}$/.test(kept)) return kept;
    const id = crypto.randomUUID();
    localStorage.setItem(KEY, id);
    return id;
  } catch {
    return crypto.randomUUID();
  }
}
