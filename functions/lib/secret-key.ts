import { logJson } from "./log";
import { problem } from "./problem";

// An HMAC-SHA-256 key made from a Worker secret (`wrangler secret put`, locally .dev.vars). A secret
// shorter than 32 bytes, or none, makes no key at all: the caller's feature stops with a 500 and one
// log line naming the secret and the cause (never its value), rather than working under a weak key.

export const MIN_KEY_BYTES = 32;

const encoder = new TextEncoder();

export interface SecretKeySpec {
  /** The secret's name, for the log line. */
  name: string;
  /** Its value, from the Worker's env. */
  value: string | undefined;
  /** What does not happen without it, ending the log line ("certificates are neither issued nor verified"). */
  consequence: string;
  /** The 500's detail, for the person who sees it. */
  detail: string;
  usages: ("sign" | "verify")[];
}

/** The HMAC key, or a 500 (with a log line naming the cause, never the key) when the secret is unfit. */
export async function hmacKeyFromSecret(
  env: { LOG_LEVEL?: string },
  spec: SecretKeySpec,
  requestId?: string,
): Promise<CryptoKey> {
  const raw = encoder.encode(spec.value ?? "");
  if (raw.length < MIN_KEY_BYTES) {
    logJson(env, "error", {
      requestId,
      msg: `${spec.name} is ${raw.length === 0 ? "missing" : `${raw.length} bytes, fewer than ${MIN_KEY_BYTES}`}: ${spec.consequence}`,
    });
    throw problem(500, { detail: spec.detail });
  }
  return crypto.subtle.importKey("raw", raw, { name: "HMAC", hash: "SHA-256" }, false, spec.usages);
}
