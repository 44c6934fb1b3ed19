import { CODE_ALPHABET, CODE_LENGTH } from "../../../src/shared/sweeps/day-schemas";

// Pure (no database): the unit tests and the leader's lookup share it.

/**
 * The code a volunteer shows at check-in: 8 characters of Crockford base 32 from
 * SHA-256("checkin:" + manage_hash). Derived, never stored; unguessable without the manage secret
 * (whose hash only the database holds), and stable for the sign-up's life.
 */
export async function checkinCode(manageHash: string): Promise<string> {
  const digest = new Uint8Array(
    await crypto.subtle.digest("SHA-256", new TextEncoder().encode(`checkin:${manageHash}`)),
  );
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of digest) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < CODE_LENGTH) {
      out += CODE_ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= 0xff;
    if (out.length === CODE_LENGTH) break;
  }
  return out;
}
