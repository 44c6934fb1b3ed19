import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import worker from "../../functions/index";
import { sha256Hex } from "../../functions/lib/tokens";
import { booked, bookVia, newKey as newBookingKey, slotsAhead, validBooking } from "./appointments/factories";
import { makeSweep, newIp, newKey, newPhone, ORIGIN, rowCounts, signUpOk, validSignup } from "./sweeps/factories";

// A person's key (functions/lib/person-key.ts) is HMAC-SHA-256 under PERSON_KEY_SECRET, not a hash
// anyone can recompute from the ~10^10 mobile numbers: what the database keeps after anonymisation
// must not give the phone back. Computed here independently of the Worker, under the test binding.

const hmacHex = async (message: string) => {
  const key = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(env.PERSON_KEY_SECRET),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const mac = await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(message));
  return [...new Uint8Array(mac)].map((b) => b.toString(16).padStart(2, "0")).join("");
};

/** The phone as people type it: spaced, with the country code, dashed, full-width dashes. */
const typings = (p: string) => [
  p,
  `${p.slice(0, 3)} ${p.slice(3, 7)} ${p.slice(7)}`,
  `+86 ${p.slice(0, 3)}-${p.slice(3, 7)}-${p.slice(7)}`,
  `0086${p}`,
  `${p.slice(0, 3)}－${p.slice(3, 7)}－${p.slice(7)}`,
];

/** Every unkeyed hash an attacker would try: of each typing, bare and with either old prefix. */
const unkeyedHashes = async (p: string) =>
  Promise.all(
    typings(p)
      .flatMap((t) => [t, `sweep-person:${t}`, `appointment-person:${t}`, `sweep:${t}`])
      .map(sha256Hex),
  );

const keysOfPhone = async (table: "sweep_signups" | "appointments", phone: string) =>
  (
    await env.DB.prepare(`SELECT DISTINCT person_key AS k FROM ${table} WHERE phone = ?`)
      .bind(phone)
      .all<{ k: string }>()
  ).results.map((r) => r.k);

/** A sign-up through the Worker with a PERSON_KEY_SECRET of the test's choosing. */
async function signUpWithSecret(sweepId: string, PERSON_KEY_SECRET: string | undefined) {
  const ctx = createExecutionContext();
  const res = await worker.fetch(
    new Request(`${ORIGIN}/api/sweeps/${sweepId}/signups`, {
      method: "POST",
      headers: { "content-type": "application/json", "cf-connecting-ip": newIp(), "idempotency-key": newKey() },
      body: JSON.stringify(validSignup()),
    }),
    { ...env, PERSON_KEY_SECRET },
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return res;
}

describe("a sweep volunteer's person key", () => {
  it("is the HMAC of the normalised phone under the secret, no unkeyed hash of it, one key however typed", async () => {
    const phone = newPhone();
    const [first, ...others] = typings(phone);
    // Sweeps a day apart, so the same person may sign up to each.
    for (const [i, typed] of [first, ...others].entries()) {
      await signUpOk((await makeSweep({ inHours: 48 + 24 * i })).id, { phone: typed });
    }
    const keys = await keysOfPhone("sweep_signups", phone);
    expect(keys).toEqual([await hmacHex(`sweep-person:${phone}`)]);
    const unkeyed = await unkeyedHashes(phone);
    expect(unkeyed).not.toContain(keys[0]);
  });

  it("is refused (500) with the secret missing or shorter than 32 bytes, and nothing is written", async () => {
    const s = await makeSweep();
    const before = await rowCounts();
    for (const secret of [undefined, "", "x".repeat(31)]) {
      expect((await signUpWithSecret(s.id, secret)).status).toBe(500);
    }
    expect(await rowCounts()).toEqual(before);
    // The same request with the test's secret goes through (a refused key is not kept for the isolate).
    expect((await signUpWithSecret(s.id, env.PERSON_KEY_SECRET)).status).toBe(201);
  });
});

const intake = slotsAhead("intake");
const consultation = slotsAhead("consultation");

describe.skipIf(intake.length < 1 || consultation.length < 2)("an appointment's person key", () => {
  it("is the HMAC of the normalised phone under the secret, apart from the sweeps' key, one key however typed", async () => {
    const phone = newPhone();
    await booked((intake[0] as { id: string }).id, { phone: `+86 ${phone.slice(0, 3)} ${phone.slice(3)}` });
    // The same phone typed otherwise is the same person: a second intake is refused by the index.
    const again = await bookVia(env, validBooking((intake[0] as { id: string }).id, { phone: `0086${phone}` }));
    expect(again.status).toBe(409);
    const keys = await keysOfPhone("appointments", phone);
    expect(keys).toEqual([await hmacHex(`appointment-person:${phone}`)]);
    expect(keys[0]).not.toBe(await hmacHex(`sweep-person:${phone}`));
    expect(await unkeyedHashes(phone)).not.toContain(keys[0]);
  });

  it("is refused (500) with the secret missing or too short, and no booking is written", async () => {
    const count = async () =>
      (await env.DB.prepare("SELECT count(*) AS n FROM appointments").first<{ n: number }>())?.n ?? 0;
    const before = await count();
    for (const PERSON_KEY_SECRET of [undefined, "short-secret"]) {
      const res = await bookVia(
        { ...env, PERSON_KEY_SECRET } as typeof env,
        validBooking((consultation[1] as { id: string }).id),
        newBookingKey(),
      );
      expect(res.status).toBe(500);
    }
    expect(await count()).toBe(before);
  });
});
