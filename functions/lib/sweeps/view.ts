import { communityById } from "../../../src/shared/geo";
import { ADULT_AGE } from "../../../src/shared/sweeps/rules";
import type { PublicSweep, StaffSweep } from "../../../src/shared/sweeps/wire";
import type { PublicSweepWithCounts, SweepWithCounts } from "../../db/sweeps/index";
import { problem } from "../problem";

/** A sweep the public may open: any but a draft (404 otherwise, as for an id that names none). */
export function visibleOr404<T extends { sweep: { state: string } }>(found: T | undefined): T {
  if (!found || found.sweep.state === "draft") throw problem(404, { detail: "没有找到这场活动。" });
  return found;
}

/** A sweep as anyone may see it: its own fields and counts, nothing about who signed up. */
export function publicSweep(r: PublicSweepWithCounts, mostNeeded = false): PublicSweep {
  const s = r.sweep;
  const placesTaken = r.confirmed + r.offered + r.held;
  const placesLeft = Math.max(0, s.capacity - placesTaken);
  return {
    id: s.id,
    title: s.title,
    communityId: s.communityId,
    communityName: communityById(s.communityId)?.name ?? s.communityId,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    meetingPoint: s.meetingPoint,
    lat: s.lat,
    lng: s.lng,
    capacity: s.capacity,
    placesTaken,
    placesLeft,
    waitlistLimit: s.waitlistLimit,
    waitlisted: r.waitlisted,
    waitlistOpen: placesLeft > 0 || r.waitlisted < s.waitlistLimit,
    minAge: s.minAge,
    guardianPresentBelow: s.guardianPresentBelow,
    minorsWelcome: s.minAge < ADULT_AGE,
    organiser: s.organiser,
    leaderContact: s.leaderContact,
    whatToBring: s.whatToBring,
    insuranceRef: s.insuranceRef,
    cancelCutoffAt: s.cancelCutoffAt,
    state: s.state,
    version: s.version,
    mostNeeded,
  };
}

export function staffSweep(r: SweepWithCounts): StaffSweep {
  const s = r.sweep;
  return {
    ...publicSweep(r),
    offered: r.offered,
    cancelledAt: s.cancelledAt,
    cancelReason: s.cancelReason,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  };
}
