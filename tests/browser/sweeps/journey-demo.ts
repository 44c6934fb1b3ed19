// The whole journey's data: two sweeps on a far Sunday morning planned through the staff API (one
// place in the first, taken, so its page suggests the second), and the clock of the data moved when
// the journey reaches the day and its end. The Worker's clock cannot be moved; the rows' times can,
// through the same local D1 the served Worker reads (`d1State`, tests/browser/global-setup.ts).
import { inject } from "vitest";
import { executeLocal } from "../../../scripts/lib/wrangler.ts";
import { COMMUNITIES } from "../../../src/shared/geo";
import type { CreatedSweeps, StaffSweep } from "../../../src/shared/sweeps/wire";
import { addDays, chinaDay } from "../../../src/shared/time";
import { signUpResult } from "./demo";
import { staffCookie, staffPost } from "./lead-demo";

/** A Sunday 9 to 12 weeks ahead (the console's test plans Saturdays; the seed plans the next four). */
function farSunday(): string {
  let day = addDays(chinaDay(), 63 + Math.floor(Math.random() * 21));
  while (new Date(`${day}T00:00:00Z`).getUTCDay() !== 0) day = addDays(day, 1);
  return day;
}

async function plan(baseUrl: string, cookie: string, day: string, community: number, capacity: number) {
  const place = COMMUNITIES[community];
  const { sweeps } = await staffPost<CreatedSweeps>(baseUrl, cookie, "/api/staff/sweeps", {
    title: `${place?.name}周日清扫`,
    firstDay: day,
    weeks: 1,
    startTime: "09:00",
    endTime: "11:30",
    places: [{ communityId: place?.id, meetingPoint: `${place?.name}社区工作站门口`, lat: 30.28, lng: 120.19 }],
    capacity,
    waitlistLimit: 0,
    minAge: 14,
    guardianPresentBelow: null,
    organiser: "临河中队 · 青溪区团委",
    leaderContact: "周队长 0571-8888 2026",
    whatToBring: "手套、水杯",
    insuranceRef: "PICC-2026-JOURNEY",
    cancelCutoffHours: 24,
    open: true,
  });
  const sweep = sweeps[0];
  if (!sweep) throw new Error("the journey's sweep was not created");
  return sweep;
}

export interface Journey {
  /** Full: its one place is taken, so its page suggests `suggested`. */
  full: StaffSweep;
  suggested: StaffSweep;
}

/** The two sweeps of the journey, the first one filled by another volunteer. */
export async function planJourney(baseUrl = inject("baseUrl")): Promise<Journey> {
  const cookie = await staffCookie(baseUrl);
  const day = farSunday();
  const full = await plan(baseUrl, cookie, day, 0, 1);
  const suggested = await plan(baseUrl, cookie, day, 1, 10);
  await signUpResult(full.id, baseUrl);
  return { full, suggested };
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The day has come: the sweep began 150 minutes ago and ends in an hour (its version raised, as a
 * staff edit would, for the version trigger).
 */
export async function sweepIsUnderway(sweepId: string): Promise<void> {
  const now = Date.now();
  await executeLocal(inject("d1State"), [
    `UPDATE sweeps SET starts_at = '${iso(now - 150 * 60_000)}', ends_at = '${iso(now + 60 * 60_000)}',
      cancel_cutoff_at = '${iso(now - 24 * 3_600_000)}', version = version + 1 WHERE id = '${sweepId}'`,
  ]);
}

/** The volunteer checked in when the sweep began (the leader's check-in a moment ago, moved back to the start). */
export async function checkedInAtStart(sweepId: string): Promise<void> {
  await executeLocal(inject("d1State"), [
    `UPDATE sweep_signups SET checked_in_at = (SELECT starts_at FROM sweeps WHERE id = '${sweepId}')
      WHERE sweep_id = '${sweepId}' AND checked_in_at IS NOT NULL AND checked_out_at IS NULL`,
  ]);
}

/** The sweep is over: it ends now (after the check-out), so its hours can be approved. */
export async function sweepIsOver(sweepId: string): Promise<void> {
  await executeLocal(inject("d1State"), [
    `UPDATE sweeps SET ends_at = '${iso(Date.now() - 1000)}', version = version + 1 WHERE id = '${sweepId}'`,
  ]);
}
