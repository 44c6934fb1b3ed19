// The tracking token of a filed complaint, kept for idempotent replays without keeping it readable:
// encrypted (AES-GCM) under a key derived from the client's Idempotency-Key, which the server
// stores only hashed. Only the client that chose the key can be given the same answer again.

const enc = new TextEncoder();
const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const unb64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

async function keyFor(idempotencyKey: string): Promise<CryptoKey> {
  const material = await crypto.subtle.digest("SHA-256", enc.encode(`replay-key:${idempotencyKey}`));
  return crypto.subtle.importKey("raw", material, "AES-GCM", false, ["encrypt", "decrypt"]);
}

export async function sealForReplay(idempotencyKey: string, secret: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = await crypto.subtle.encrypt({ name: "AES-GCM", iv }, await keyFor(idempotencyKey), enc.encode(secret));
  return `${b64(iv)}.${b64(new Uint8Array(sealed))}`;
}

export async function openForReplay(idempotencyKey: string, cipher: string): Promise<string> {
  const [iv, data] = cipher.split(".");
  if (!iv || !data) throw new Error("malformed replay cipher");
  const opened = await crypto.subtle.decrypt(
    { name: "AES-GCM", iv: unb64(iv) },
    await keyFor(idempotencyKey),
    unb64(data),
  );
  return new TextDecoder().decode(opened);
}

/** Hash used as the stored form of an Idempotency-Key (a different derivation from the cipher key). */
export async function idempotencyKeyHash(idempotencyKey: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", enc.encode(`idempotency:${idempotencyKey}`));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
