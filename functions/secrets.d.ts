// Secrets are set with `wrangler secret put` (or .dev.vars locally), so `wrangler types` cannot see
// them in wrangler.toml; they are declared here, once.
interface Env {
  /** Cloudflare Turnstile secret key; unset turns the check off (local use). */
  TURNSTILE_SECRET?: string;
}
