// The demo's person keys, computed as the Worker computes them (functions/lib/person-key.ts):
// HMAC-SHA-256 of "<scope>-person:<phone>" under PERSON_KEY_SECRET, hex. The seed is given the same
// secret the local Worker runs with, or the demo volunteer's sign-ups would not be theirs.
import { createHmac } from "node:crypto";

export const seedPersonKey = (secret: string, scope: "sweep" | "appointment", phone: string) =>
  createHmac("sha256", secret).update(`${scope}-person:${phone}`).digest("hex");
