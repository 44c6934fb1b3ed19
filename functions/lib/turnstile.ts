// Cloudflare Turnstile, verified server-side when a secret is configured. The verifier is
// replaceable so tests never reach the network.

import { UNKNOWN_CLIENT } from "../platform/ports";

export type TurnstileVerifier = (token: string, secret: string, ip: string) => Promise<boolean>;

const SITEVERIFY = "https://challenges.cloudflare.com/turnstile/v0/siteverify";

const siteverify: TurnstileVerifier = async (token, secret, ip) => {
  const body = new FormData();
  body.append("secret", secret);
  body.append("response", token);
  if (ip !== UNKNOWN_CLIENT) body.append("remoteip", ip);
  const res = await fetch(SITEVERIFY, { method: "POST", body });
  if (!res.ok) return false;
  return ((await res.json()) as { success?: boolean }).success === true;
};

let verifier: TurnstileVerifier = siteverify;

/** For tests: stand in for Cloudflare's siteverify. Returns a function that restores it. */
export function useTurnstileVerifier(v: TurnstileVerifier): () => void {
  verifier = v;
  return () => {
    verifier = siteverify;
  };
}

/** True when no secret is configured (local use), else whatever siteverify says of the token. */
export async function passesTurnstile(
  secret: string | undefined,
  token: string | undefined,
  ip: string,
): Promise<boolean> {
  if (!secret) return true;
  if (!token) return false;
  return verifier(token, secret, ip);
}
