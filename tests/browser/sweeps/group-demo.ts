// A group signed up through the API for the pages that need one (the accessibility test's group
// page), on a seeded sweep with room for it and late enough to leave time to complete it.
import { inject } from "vitest";
import { GROUP_COMPLETE_HOURS_BEFORE, GROUP_MIN_COMPLETE_HOURS } from "../../../src/shared/sweeps/rules";
import type { GroupSignupResult, PublicSweep } from "../../../src/shared/sweeps/wire";
import { freshPhone, listedSweeps, publicPost } from "./demo";

/** A seeded sweep that takes a group of `size` whole: room for all, nobody waiting, not too soon. */
export async function sweepForGroup(size: number, baseUrl = inject("baseUrl")): Promise<PublicSweep> {
  const earliest = Date.now() + (GROUP_COMPLETE_HOURS_BEFORE + GROUP_MIN_COMPLETE_HOURS + 1) * 3_600_000;
  const sweep = (await listedSweeps(baseUrl))
    .filter((s) => s.placesLeft >= size && s.waitlisted === 0 && Date.parse(s.startsAt) > earliest)
    .sort((a, b) => b.placesLeft - a.placesLeft)[0];
  if (!sweep) throw new Error(`no seeded sweep takes a group of ${size}`);
  return sweep;
}

/** A group of `size` signed up through the API; its group link's path ("/volunteer/group/#t=…"). */
export async function groupByApi(size: number, baseUrl = inject("baseUrl")): Promise<GroupSignupResult> {
  const sweep = await sweepForGroup(size, baseUrl);
  return publicPost(baseUrl, `/api/sweeps/${sweep.id}/groups`, {
    contactName: "周老师",
    contactPhone: freshPhone(),
    organisation: "青溪中学 高一（2）班",
    size,
    consent: true,
  });
}
