import { describe, expect, it } from "vitest";
import {
  applicationByNumber,
  applicationEventsOf,
  applicationMissingOf,
  applicationOfBooking,
  applicationQueue,
  cancelInspections,
  inspectionsOf,
  overdueApplications,
} from "../../../functions/db/appointments/applications";
import { type Statement, toQuery } from "../../../functions/db/batch";
import { db, expectIndexed, plan } from "../query-plan";

// EXPLAIN QUERY PLAN for the applications' reads: the queue (a point's open applications by due
// date) and the overdue board (every point's, or a clerk's own) read the partial indexes of open
// applications in due order, with no sort of their own; the rest find their rows by a key.

const planOf = (s: Statement) => plan({ toSQL: () => toQuery(s) });
const shown = (steps: string[]) => {
  expectIndexed(steps);
  return steps.join(" | ");
};

describe("the applications' queries use indexes", () => {
  it("the queue: a point's open applications through applications_open_due_idx, already in due order", async () => {
    const steps = await plan(applicationQueue(db, "linhe"));
    expect(shown(steps)).toContain("applications_open_due_idx");
    expect(steps.join(" | ")).not.toContain("TEMP B-TREE");
  });

  it("the overdue board: every point's through applications_overdue_idx, a clerk's own through the point's", async () => {
    const all = await plan(overdueApplications(db, "2026-12-01", "all"));
    expect(shown(all)).toContain("applications_overdue_idx");
    expect(all.join(" | ")).not.toContain("TEMP B-TREE");
    expect(shown(await plan(overdueApplications(db, "2026-12-01", ["linhe"])))).toContain("applications_open_due_idx");
  });

  it("an application by number or booking, its timeline, its missing materials and its inspection", async () => {
    expect(shown(await plan(applicationByNumber(db, "SQ00000000")))).toContain("applicationNumber_unique");
    const ofBooking = shown(await plan(applicationOfBooking(db, 1, "SQ00000000")));
    expect(ofBooking).toContain("intakeAppointmentId_unique");
    expect(ofBooking).toContain("applicationNumber_unique");
    expect(shown(await plan(applicationEventsOf(db, 1)))).toContain("application_events_application_idx");
    expect(shown(await plan(applicationMissingOf(db, 1)))).toContain("application_missing_application_idx");
    expect(shown(await plan(inspectionsOf(db, "key", "SQ00000000")))).toContain("appointments_person");
    expect(shown(await planOf(cancelInspections("key", "SQ00000000", "2026-12-01T00:00:00.000Z")))).toContain(
      "appointments_person",
    );
  });
});
