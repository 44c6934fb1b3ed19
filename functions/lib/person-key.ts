import { hmacKeyFromSecret } from "./secret-key";

// A person's key: what makes "one sign-up per person per sweep", "one active booking per service",
// the no-show rules and a volunteer's certificates hold across sign-ups, without the phone itself.
// It is HMAC-SHA-256 of the normalised phone under the Worker secret PERSON_KEY_SECRET. A plain hash
// would not do: China's mobile numbers are some 10^10, so anyone with a copy of the database could
// hash them all in hours and read every phone back, even after retention has anonymised the contact
// (it keeps the key on purpose). Without the secret the key reveals nothing.
//
// PERSON_KEY_SECRET is its own secret, not SWEEP_SIGNING_KEY: rotating the certificates' key must not
// unlink people. It must NOT be rotated without re-keying every stored person_key (recomputed from the
// phone while it is still held; anonymised rows cannot be re-keyed): under a new secret the same phone
// gets another key, so past no-shows, active bookings and earned hours would stop counting for it.

export type PersonScope = "sweep" | "appointment";

export interface PersonKeyEnv {
  PERSON_KEY_SECRET?: string;
  LOG_LEVEL?: string;
}

const encoder = new TextEncoder();

// Imported once per isolate (per secret value: tests run with more than one).
let cached: { secret: string; key: Promise<CryptoKey> } | null = null;

function keyOf(env: PersonKeyEnv): Promise<CryptoKey> {
  const secret = env.PERSON_KEY_SECRET ?? "";
  if (cached?.secret === secret) return cached.key;
  const key = hmacKeyFromSecret(env, {
    name: "PERSON_KEY_SECRET",
    value: env.PERSON_KEY_SECRET,
    consequence: "no sign-up, booking or look-up by phone is made",
    detail: "服务暂不可用，请稍后再试。",
    usages: ["sign"],
  });
  // Only a key that was made is kept: an unfit secret is logged and refused on every request.
  key.then(
    () => undefined,
    () => {
      if (cached?.key === key) cached = null;
    },
  );
  cached = { secret, key };
  return key;
}

/** The person key of a normalised phone in one feature, hex (the seed computes the same: scripts/seed/person-key.ts). */
export async function personKey(env: PersonKeyEnv, scope: PersonScope, phone: string): Promise<string> {
  const mac = await crypto.subtle.sign("HMAC", await keyOf(env), encoder.encode(`${scope}-person:${phone}`));
  return [...new Uint8Array(mac)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
