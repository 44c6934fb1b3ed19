// A minor's sign-up made through the API, for the consent pages the browser tests and axe open: a
// seeded sweep open to minors (scripts/seed/sweeps.ts: min age 14) with places left.
import { inject } from "vitest";
import type { PublicSweep, SignupResult } from "../../../src/shared/sweeps/wire";
import { chinaDay } from "../../../src/shared/time";
import { freshPhone, listedSweeps, publicPost } from "./demo";

/** An open sweep that takes minors, with places left and nobody waiting: a minor's place is then held. */
export async function minorsSweep(baseUrl = inject("baseUrl")): Promise<PublicSweep> {
  const open = (await listedSweeps(baseUrl)).filter((s) => s.minorsWelcome && s.placesLeft > 0 && s.waitlisted === 0);
  const sweep = open.sort((a, b) => b.placesLeft - a.placesLeft)[0];
  if (!sweep) throw new Error("no seeded sweep open to minors has a place left");
  return sweep;
}

/** The birth month that makes a person `age` on the sweep's (China-time) day: their birthday month is not yet reached. */
export function bornFor(age: number, startsAt: string): string {
  const [y, m] = chinaDay(new Date(startsAt)).split("-") as [string, string];
  return `${Number(y) - age - 1}-${m}`;
}

/** A 15-year-old's sign-up through the API, as the API answered it (with the guardian's consent link). */
export async function minorSignUpByApi(baseUrl = inject("baseUrl")): Promise<SignupResult> {
  const sweep = await minorsSweep(baseUrl);
  return publicPost(baseUrl, `/api/sweeps/${sweep.id}/signups`, {
    name: "测试同学",
    phone: freshPhone(),
    organisation: "青溪中学",
    birthMonth: bornFor(15, sweep.startsAt),
    guardianName: "测试家长",
    guardianPhone: freshPhone(),
    consent: true,
  });
}
