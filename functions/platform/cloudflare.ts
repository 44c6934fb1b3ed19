import { toQuery } from "../db/batch";
import { type LimiterName, type Platform, type RateLimiter, UNKNOWN_CLIENT } from "./ports";
import { webhookSender } from "./sender";

/** The bindings the ports stand on (wrangler.toml); typed from `Env`, so a renamed binding fails `tsc`. */
export type CloudflareBindings = Pick<
  Env,
  | "DB"
  | "PHOTOS"
  | "LOGIN_LIMITER"
  | "COMPLAINT_LIMITER"
  | "TRACK_LIMITER"
  | "NEARBY_LIMITER"
  | "SWEEP_LIMITER"
  | "OPEN311_KEY_LIMITER"
  | "SWEEP_SMS_WEBHOOK_URL"
  | "SWEEP_SMS_WEBHOOK_TOKEN"
>;

/**
 * The ports over Cloudflare: R2 for files, the rate-limit bindings (their limits are set in
 * wrangler.toml and must match `RATE_LIMITS`; the contract test checks), D1 `batch()` (one
 * implicit transaction, rolled back whole on any failure) and the CF-Connecting-IP header that
 * Cloudflare's edge sets and a client cannot forge through it. Messages go to the SMS gateway's
 * webhook when SWEEP_SMS_WEBHOOK_URL is set (`sender.ts`, plain fetch), else nowhere.
 */
export function cloudflarePlatform(env: CloudflareBindings): Platform {
  const limiter = (binding: RateLimit): RateLimiter => ({ limit: (key) => binding.limit({ key }) });
  const limiters: Record<LimiterName, RateLimiter> = {
    login: limiter(env.LOGIN_LIMITER),
    complaint: limiter(env.COMPLAINT_LIMITER),
    track: limiter(env.TRACK_LIMITER),
    nearby: limiter(env.NEARBY_LIMITER),
    sweep: limiter(env.SWEEP_LIMITER),
    open311Key: limiter(env.OPEN311_KEY_LIMITER),
  };
  return {
    files: {
      async put(key, bytes, contentType) {
        await env.PHOTOS.put(key, bytes, { httpMetadata: { contentType } });
      },
      async get(key) {
        const object = await env.PHOTOS.get(key);
        if (!object) return null;
        return {
          body: object.body,
          contentType: object.httpMetadata?.contentType ?? "application/octet-stream",
          size: object.size,
        };
      },
      async delete(keys) {
        if (keys.length > 0) await env.PHOTOS.delete([...keys]);
      },
    },
    limiters,
    // A secret may be missing where it was never set (tests, a fresh checkout): then no token is sent.
    sender: webhookSender({ url: env.SWEEP_SMS_WEBHOOK_URL, token: env.SWEEP_SMS_WEBHOOK_TOKEN }),
    batch: {
      async run(statements) {
        if (statements.length === 0) return [];
        const d1 = env.DB;
        const results = await d1.batch<Record<string, unknown>>(
          statements.map((s) => {
            const q = toQuery(s);
            return d1.prepare(q.sql).bind(...q.params);
          }),
        );
        return results.map((r) => ({ rows: r.results ?? [], changes: r.meta?.changes ?? 0 }));
      },
    },
    clientAddress: (request) => request.headers.get("cf-connecting-ip") ?? UNKNOWN_CLIENT,
  };
}
