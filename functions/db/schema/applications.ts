import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { APPLICATION_STEPS, DECISIONS } from "../../../src/shared/appointments/applications";
import { appointments } from "./appointments";

// Signboard applications: created at the desk from an intake booking, then moved along the steps of
// src/shared/appointments/applications.ts. What must never happen is the database's to refuse
// (migrations/0019): a second application from one intake booking (UNIQUE), a move the table does
// not allow, a stale staff write (each write sets `version` to the one seen plus one), a decision
// without its outcome or a refusal without reasons (CHECK).

/** One application (申请), its current step and that step's deadline. */
export const applications = sqliteTable(
  "applications",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    /** Public application number (SQ + 8 base32), told to the merchant and typed into the lookup. */
    applicationNumber: text().notNull().unique(),
    pointId: text().notNull(),
    /** The intake booking it was received at: its manage link shows the application, its phone opens the lookup. */
    intakeAppointmentId: integer()
      .notNull()
      .unique()
      .references(() => appointments.id),
    /** Copies of the booking's shop, so the queue reads one table. */
    shopName: text().notNull(),
    shopAddress: text().notNull(),
    step: text({ enum: APPLICATION_STEPS }).notNull(),
    stepStartedAt: text().notNull(),
    /** The step's last day (China time, YYYY-MM-DD), in working days from the step's clock; null once closed. */
    stepDueOn: text(),
    /** The deadline ran into a year whose holidays are not in the data (counted Monday–Friday). */
    dueEstimated: integer({ mode: "boolean" }).notNull().default(false),
    /** The day of acceptance (受理): the decision clock. */
    acceptedOn: text(),
    decision: text({ enum: DECISIONS }),
    /** Why (不予 needs them; 准予 may carry conditions). */
    reasons: text(),
    decidedAt: text(),
    version: integer().notNull().default(0),
    createdAt: text().notNull(),
    updatedAt: text().notNull(),
  },
  (t) => [
    check("applications_decided", sql`${t.step} NOT IN ('decided', 'closed') OR ${t.decision} IS NOT NULL`),
    check("applications_refusal_reasons", sql`${t.decision} IS NOT 'refused' OR length(${t.reasons}) > 0`),
    check("applications_open_due", sql`${t.step} IN ('closed', 'withdrawn') OR ${t.stepDueOn} IS NOT NULL`),
    // The queue (a point's open applications by due date) and the overdue board (every point's,
    // by due date): open steps only, so closed files never slow them down.
    index("applications_open_due_idx")
      .on(t.pointId, t.stepDueOn)
      .where(sql`${t.step} IN ('received', 'correction', 'accepted', 'inspection', 'decided')`),
    index("applications_overdue_idx")
      .on(t.stepDueOn)
      .where(sql`${t.step} IN ('received', 'correction', 'accepted', 'inspection', 'decided')`),
  ],
);

/** The public timeline: each step change, by whom, with its note and the new step's deadline. */
export const applicationEvents = sqliteTable(
  "application_events",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    applicationId: integer()
      .notNull()
      .references(() => applications.id),
    /** The action (`intake` for the first row, then src/shared/appointments/applications.ts's). */
    action: text().notNull(),
    step: text({ enum: APPLICATION_STEPS }).notNull(),
    staffId: integer(),
    /** What the merchant reads beside the step (staff write it for them). */
    note: text(),
    dueOn: text(),
    createdAt: text().notNull(),
  },
  (t) => [index("application_events_application_idx").on(t.applicationId, t.id)],
);

/** The materials a correction request lists (all at once), and when each was supplied. */
export const applicationMissing = sqliteTable(
  "application_missing",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    applicationId: integer()
      .notNull()
      .references(() => applications.id),
    /** The correction request's event: one request lists its items together. */
    eventId: integer()
      .notNull()
      .references(() => applicationEvents.id),
    item: text().notNull(),
    note: text(),
    dueOn: text().notNull(),
    suppliedAt: text(),
  },
  (t) => [index("application_missing_application_idx").on(t.applicationId, t.id)],
);
