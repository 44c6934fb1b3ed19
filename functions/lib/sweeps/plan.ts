import { atChinaTime } from "../../../src/shared/sweeps/rules";
import type { CreateSweeps, UpdateSweep } from "../../../src/shared/sweeps/staff-schemas";
import { addDays } from "../../../src/shared/time";
import type { NewSweep } from "../../db/sweeps/staff";
import { problem } from "../problem";

const HOUR = 3_600_000;

/** A sweep's public id: 10 random lowercase letters and digits (≈ 51 bits), not a guessable sequence. */
export function newSweepId(): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  return [...crypto.getRandomValues(new Uint8Array(10))].map((b) => alphabet[b % 36]).join("");
}

const at = atChinaTime;

type Fields = Omit<CreateSweeps, "firstDay" | "weeks" | "places">;

/** The columns the staff form sets, for a sweep on `day` (times, cut-off, state). */
export function sweepColumns(f: Fields, day: string) {
  const startsAt = at(day, f.startTime);
  return {
    title: f.title,
    startsAt,
    endsAt: at(day, f.endTime),
    capacity: f.capacity,
    waitlistLimit: f.waitlistLimit,
    minAge: f.minAge,
    guardianPresentBelow: f.guardianPresentBelow,
    organiser: f.organiser,
    leaderContact: f.leaderContact,
    whatToBring: f.whatToBring,
    insuranceRef: f.insuranceRef,
    cancelCutoffAt: new Date(Date.parse(startsAt) - f.cancelCutoffHours * HOUR).toISOString(),
    state: f.open ? ("open" as const) : ("draft" as const),
  };
}

/**
 * The sweeps of one action: every place on the first day and then weekly, `weeks` times. A sweep
 * that would start in the past is refused (422 at the first day), so a series never opens late.
 */
export function planSeries(input: CreateSweeps, now = new Date()): NewSweep[] {
  if (Date.parse(at(input.firstDay, input.startTime)) <= now.getTime()) {
    throw problem(422, { errors: [{ pointer: "#/firstDay", detail: "首次活动须在未来" }] });
  }
  const stamp = now.toISOString();
  return Array.from({ length: input.weeks }, (_, w) => addDays(input.firstDay, 7 * w)).flatMap((day) =>
    input.places.map((p) => ({
      id: newSweepId(),
      ...sweepColumns(input, day),
      communityId: p.communityId,
      meetingPoint: p.meetingPoint,
      lat: p.lat,
      lng: p.lng,
      createdAt: stamp,
      updatedAt: stamp,
    })),
  );
}

/**
 * The columns of an edit; whether the people signed up must be told: what they act on changed
 * (time, place, title, what to bring, the ages, the cancellation cut-off). More or fewer places are
 * not news to them: added places go to the people waiting, and fewer than taken is refused.
 */
export function planUpdate(input: UpdateSweep, current: NewSweep, now = new Date()) {
  const values = {
    ...sweepColumns(input, input.day),
    communityId: input.communityId,
    meetingPoint: input.meetingPoint,
    lat: input.lat,
    lng: input.lng,
    updatedAt: now.toISOString(),
  };
  const told =
    values.startsAt !== current.startsAt ||
    values.endsAt !== current.endsAt ||
    values.meetingPoint !== current.meetingPoint ||
    values.communityId !== current.communityId ||
    values.title !== current.title ||
    values.whatToBring !== current.whatToBring ||
    values.minAge !== current.minAge ||
    values.guardianPresentBelow !== (current.guardianPresentBelow ?? null) ||
    values.cancelCutoffAt !== current.cancelCutoffAt;
  return { values, told };
}
