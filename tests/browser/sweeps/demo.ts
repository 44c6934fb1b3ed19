// The seeded sweeps as the public API lists them (scripts/seed/sweeps.ts: every community over four
// weeks, one full with a waitlist), a sign-up made through the API for the pages that need one, and
// the sign-up as its manage page reads it.
import { randomInt } from "node:crypto";
import { inject } from "vitest";
import type { ManageView, PublicSweep, SignupResult, SweepList } from "../../../src/shared/sweeps/wire";
import { freshClientAddress } from "../kit";

/** The upcoming sweeps, in the API's order. */
export async function listedSweeps(baseUrl = inject("baseUrl"), query = ""): Promise<PublicSweep[]> {
  const res = await fetch(`${baseUrl}/api/sweeps${query}`);
  if (!res.ok) throw new Error(`GET /api/sweeps: ${res.status} ${await res.text()}`);
  return ((await res.json()) as SweepList).sweeps;
}

/** A sweep that takes adults and has the most places left: each test run takes a few of them. */
export async function openSweep(baseUrl = inject("baseUrl")): Promise<PublicSweep> {
  const open = (await listedSweeps(baseUrl)).filter((s) => s.placesLeft > 0);
  const sweep = open.sort((a, b) => b.placesLeft - a.placesLeft)[0];
  if (!sweep) throw new Error("no seeded sweep has a place left");
  return sweep;
}

/** The seeded sweep that is full and still takes a waitlist. */
export async function fullSweep(baseUrl = inject("baseUrl")): Promise<PublicSweep> {
  const sweep = (await listedSweeps(baseUrl)).find((s) => s.placesLeft === 0 && s.waitlistOpen);
  if (!sweep) throw new Error("no seeded sweep is full with its waitlist open");
  return sweep;
}

/** A mobile number no other sign-up of this run uses: one sign-up per person per sweep. */
export const freshPhone = () => `139${String(randomInt(100_000_000)).padStart(8, "0")}`;

/** An adult's sign-up through the API; its manage link's path ("/volunteer/manage/#t=…"). */
export async function signUpByApi(sweepId: string, baseUrl = inject("baseUrl")): Promise<string> {
  return (await signUpResult(sweepId, baseUrl)).managePath;
}

/**
 * A sign-up (a person's or a group's) POSTed to the public API as a browser sends it: JSON with a
 * fresh Idempotency-Key, from a client address of its own (sign-ups are throttled per address).
 * Anything but 201 throws.
 */
export async function publicPost<T>(baseUrl: string, path: string, body: unknown): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "idempotency-key": crypto.randomUUID(),
      "cf-connecting-ip": freshClientAddress(),
    },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** An adult's sign-up through the API, as the API answered it. */
export function signUpResult(sweepId: string, baseUrl = inject("baseUrl")): Promise<SignupResult> {
  return publicPost(baseUrl, `/api/sweeps/${sweepId}/signups`, {
    name: "测试同学",
    phone: freshPhone(),
    organisation: "青溪大学",
    birthMonth: "2001-03",
    consent: true,
  });
}

/** A sweep with a place or two left and nobody waiting (a popular community's). */
export async function nearlyFullSweep(baseUrl = inject("baseUrl")): Promise<PublicSweep> {
  const sweep = (await listedSweeps(baseUrl))
    .filter((s) => s.placesLeft > 0 && s.placesLeft <= 3 && s.waitlisted === 0 && s.waitlistOpen)
    .sort((a, b) => a.placesLeft - b.placesLeft)[0];
  if (!sweep) throw new Error("no seeded sweep is nearly full");
  return sweep;
}

/** A sign-up as its manage page reads it from the API, by the manage link's secret. */
export async function manageView(token: string, baseUrl = inject("baseUrl")): Promise<ManageView> {
  const res = await fetch(`${baseUrl}/api/sweeps/manage`, { headers: { "x-manage-token": token } });
  return (await res.json()) as ManageView;
}

/** Cancels a sign-up through the API by its manage link's secret. */
export async function cancelByApi(managePath: string, baseUrl = inject("baseUrl")): Promise<void> {
  const token = new URLSearchParams(managePath.split("#")[1] ?? "").get("t") ?? "";
  const res = await fetch(`${baseUrl}/api/sweeps/manage`, { method: "DELETE", headers: { "x-manage-token": token } });
  if (res.status !== 200) throw new Error(`cancel: ${res.status} ${await res.text()}`);
}
