import type { RateLimiter } from "../platform/ports";
import { problem } from "./problem";

/**
 * Counts one use of each key against the limiter and refuses with 429 and Retry-After at the first
 * key over its allowance (keys after it are not counted).
 *
 * @example
 * await throttle(c.var.platform.limiters.login, [`client:${clientAddress(c)}`, `account:${email}`]);
 */
export async function throttle(
  limiter: RateLimiter,
  keys: readonly string[],
  detail = "操作过于频繁，请一分钟后再试。",
): Promise<void> {
  for (const key of keys) {
    if (!(await limiter.limit(key)).success) {
      throw problem(429, { detail, headers: { "retry-after": "60" } });
    }
  }
}
