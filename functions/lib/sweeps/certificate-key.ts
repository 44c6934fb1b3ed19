import { base32, CHECK_CODE_CHARS } from "../../../src/shared/sweeps/certificate";
import { hmacKeyFromSecret } from "../secret-key";

// The certificates' signing key: the Worker secret SWEEP_SIGNING_KEY (`wrangler secret put`, locally
// .dev.vars), used as an HMAC-SHA-256 key. Without a key of at least 32 bytes nothing is issued or
// verified: a certificate signed with a weak or missing key would prove nothing.

const encoder = new TextEncoder();

/** The HMAC key, or a 500 (with a log line naming the cause, never the key) when the secret is unfit. */
export function signingKey(env: { SWEEP_SIGNING_KEY?: string; LOG_LEVEL?: string }, requestId?: string) {
  return hmacKeyFromSecret(
    env,
    {
      name: "SWEEP_SIGNING_KEY",
      value: env.SWEEP_SIGNING_KEY,
      consequence: "certificates are neither issued nor verified",
      detail: "证明服务暂不可用，请稍后再试或联系组织单位。",
      usages: ["sign", "verify"],
    },
    requestId,
  );
}

const toHex = (bytes: ArrayBuffer) => [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, "0")).join("");

function fromHex(hex: string): Uint8Array<ArrayBuffer> | null {
  if (!/^(?:[0-9a-f]{2})+$/.test(hex)) return null;
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}

/** The signature of a payload's canonical JSON, hex. */
export async function sign(key: CryptoKey, payload: string): Promise<string> {
  return toHex(await crypto.subtle.sign("HMAC", key, encoder.encode(payload)));
}

/** Whether `signature` is the key's signature of `payload` (compared in constant time by WebCrypto). */
export async function verifySignature(key: CryptoKey, payload: string, signature: string): Promise<boolean> {
  const bytes = fromHex(signature);
  return bytes !== null && crypto.subtle.verify("HMAC", key, bytes, encoder.encode(payload));
}

/**
 * The check code printed beside a number: the first 10 base32 characters of HMAC("check:" + number).
 * Only the key's holder can compute it, so a number alone (guessed or read off another paper) opens nothing.
 */
export async function checkCodeOf(key: CryptoKey, number: string): Promise<string> {
  const mac = await crypto.subtle.sign("HMAC", key, encoder.encode(`check:${number}`));
  return base32(new Uint8Array(mac), CHECK_CODE_CHARS);
}

/** Whether two codes are equal, in time independent of where they differ. */
export function sameCode(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
