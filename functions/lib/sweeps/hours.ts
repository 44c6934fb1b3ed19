import { maskName } from "../../../src/shared/privacy";
import { maxMinutes, roundingRule } from "../../../src/shared/sweeps/hours";
import type { HoursRow, SweepHours } from "../../../src/shared/sweeps/wire";
import type { Db } from "../../db/client";
import { dayRosterOf } from "../../db/sweeps/day";
import type { Sweep, SweepSignup } from "../../db/sweeps/index";
import { loadSweep } from "./day";
import { staffSweep } from "./view";

// Staff's review of a sweep's hours: who was there, their minutes, and what approval needs.

export function hoursRow(r: SweepSignup, contactsShown: boolean): HoursRow {
  return {
    id: r.id,
    name: contactsShown ? r.name : maskName(r.name),
    organisation: r.organisation,
    walkIn: r.walkIn === 1,
    attendance: r.attendance,
    checkedInAt: r.checkedInAt,
    checkedOutAt: r.checkedOutAt,
    minutes: r.minutes,
  };
}

/** A correction never gives more than the sweep's scheduled length. */
export const correctionLimit = (s: Sweep) => maxMinutes(s.startsAt, s.endsAt, { unitMinutes: 1, mode: "down" });

export async function sweepHours(db: Db, sweepId: string, contactsShown: boolean): Promise<SweepHours> {
  const found = await loadSweep(db, sweepId);
  const rows = await dayRosterOf(db, sweepId).all();
  const attended = rows.filter((r) => r.attendance === "attended");
  return {
    sweep: staffSweep(found),
    hoursApprovedAt: found.sweep.hoursApprovedAt,
    hoursApprovedBy: found.sweep.hoursApprovedBy,
    contactsShown,
    missingMinutes: attended.filter((r) => r.minutes === null).length,
    totalMinutes: attended.reduce((sum, r) => sum + (r.minutes ?? 0), 0),
    rule: roundingRule(),
    rows: rows.map((r) => hoursRow(r, contactsShown)),
  };
}
