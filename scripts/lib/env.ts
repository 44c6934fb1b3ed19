// Nothing here may reach the internet: telemetry and Cloudflare's network look-ups are off for
// every tool the scripts start.
export const OFFLINE_ENV = {
  ASTRO_TELEMETRY_DISABLED: "1",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  WRANGLER_SEND_METRICS: "false",
  DO_NOT_TRACK: "1",
} as const;

/** process.env with the offline settings, for child processes. */
export function offlineEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...OFFLINE_ENV, ...extra };
}
