/**
 * The local rate limiter counts in windows aligned to the wall clock (miniflare's ratelimit object:
 * epoch = now ÷ period). A test that counts up to a limit first waits, when the current window is
 * nearly over, for a fresh one with room to finish in, so its requests never straddle two windows
 * (which reset the count mid-test and made such tests fail now and then).
 */
export async function freshLimiterWindow(periodSeconds = 60, needSeconds = 20): Promise<void> {
  const period = periodSeconds * 1000;
  const left = period - (Date.now() % period);
  if (left < needSeconds * 1000) await new Promise((resolve) => setTimeout(resolve, left + 50));
}
