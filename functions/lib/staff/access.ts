// Cloudflare Access in front of /staff: each request carries a signed JWT (Cf-Access-Jwt-Assertion);
// we verify it ourselves (RS256, audience, issuer, time) against the team's published keys.

export interface AccessConfig {
  /** The Access application's audience tag. */
  aud: string;
  /** https://<team>.cloudflareaccess.com — the issuer, and where the keys are published. */
  teamDomain: string;
}

interface Jwk extends JsonWebKey {
  kid?: string;
}

const KEYS_TTL_MS = 60 * 60 * 1000;
const SKEW_S = 60;
const keyCache = new Map<string, { keys: Jwk[]; fetchedAt: number }>();

const b64urlBytes = (s: string) =>
  Uint8Array.from(atob(s.replaceAll("-", "+").replaceAll("_", "/")), (c) => c.charCodeAt(0));
const b64urlJson = (s: string): unknown => JSON.parse(new TextDecoder().decode(b64urlBytes(s)));

export class AccessTokenError extends Error {}

async function teamKeys(teamDomain: string, refresh: boolean): Promise<Jwk[]> {
  const cached = keyCache.get(teamDomain);
  if (cached && !refresh && Date.now() - cached.fetchedAt < KEYS_TTL_MS) return cached.keys;
  const res = await fetch(`${teamDomain}/cdn-cgi/access/certs`);
  if (!res.ok) throw new AccessTokenError(`keys: HTTP ${res.status}`);
  const { keys } = (await res.json()) as { keys: Jwk[] };
  keyCache.set(teamDomain, { keys, fetchedAt: Date.now() });
  return keys;
}

/** Forgets fetched keys (tests rotate keys between cases). */
export function clearAccessKeyCache(): void {
  keyCache.clear();
}

/** Verifies an Access JWT and returns the email it was issued to; throws AccessTokenError otherwise. */
export async function verifyAccessJwt(token: string, cfg: AccessConfig, now = Date.now()): Promise<string> {
  const [h, p, s] = token.split(".");
  if (!h || !p || !s) throw new AccessTokenError("malformed");
  let header: { alg?: string; kid?: string };
  let payload: { aud?: string | string[]; iss?: string; exp?: number; nbf?: number; email?: string };
  try {
    header = b64urlJson(h) as typeof header;
    payload = b64urlJson(p) as typeof payload;
  } catch {
    throw new AccessTokenError("malformed");
  }
  if (header.alg !== "RS256" || !header.kid) throw new AccessTokenError("algorithm");
  // A key rotated since the last fetch: look once more before refusing.
  let jwk = (await teamKeys(cfg.teamDomain, false)).find((k) => k.kid === header.kid);
  jwk ??= (await teamKeys(cfg.teamDomain, true)).find((k) => k.kid === header.kid);
  if (!jwk) throw new AccessTokenError("unknown key");
  const key = await crypto.subtle.importKey("jwk", jwk, { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" }, false, [
    "verify",
  ]);
  const signed = new TextEncoder().encode(`${h}.${p}`);
  if (!(await crypto.subtle.verify("RSASSA-PKCS1-v1_5", key, b64urlBytes(s), signed))) {
    throw new AccessTokenError("signature");
  }
  const auds = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  if (!auds.includes(cfg.aud)) throw new AccessTokenError("audience");
  if (payload.iss !== cfg.teamDomain) throw new AccessTokenError("issuer");
  const t = Math.floor(now / 1000);
  if (typeof payload.exp !== "number" || payload.exp + SKEW_S < t) throw new AccessTokenError("expired");
  if (typeof payload.nbf === "number" && payload.nbf - SKEW_S > t) throw new AccessTokenError("not yet valid");
  if (typeof payload.email !== "string" || !payload.email) throw new AccessTokenError("no email");
  return payload.email.toLowerCase();
}
