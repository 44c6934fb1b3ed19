// Secrets are set with `wrangler secret put` (or .dev.vars locally), so `wrangler types` cannot see
// them in wrangler.toml; they are declared here, once.
interface Env {
  /** Cloudflare Turnstile secret key; unset turns the check off (local use). */
  TURNSTILE_SECRET?: string;
  /**
   * HMAC-SHA-256 key signing volunteer certificates, at least 32 bytes (`npx wrangler secret put
   * SWEEP_SIGNING_KEY`; locally `.dev.vars`, written by `npm start`/`npm run dev`). Unset: no certificates.
   */
  SWEEP_SIGNING_KEY?: string;
  /**
   * HMAC-SHA-256 key of the person keys (functions/lib/person-key.ts), at least 32 bytes (`npx wrangler
   * secret put PERSON_KEY_SECRET`; locally `.dev.vars`). Unset: no sign-up or booking. Never rotate it
   * without re-keying every stored person_key: the same phone would get another key.
   */
  PERSON_KEY_SECRET?: string;
  /**
   * Bearer token of the SMS gateway's webhook (SWEEP_SMS_WEBHOOK_URL in wrangler.toml), sent with
   * every sweep message (`npx wrangler secret put SWEEP_SMS_WEBHOOK_TOKEN`). Unset: no token is sent.
   */
  SWEEP_SMS_WEBHOOK_TOKEN?: string;
}
