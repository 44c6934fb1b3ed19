import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { CLOSURE_REASONS } from "../../../src/shared/appointments/calendar-staff";

// What staff change of a service point's calendar (the staff calendar part of the appointments):
// the weekly template saved over the data's (content/appointments/points.json stays the default: a
// point without a row opens as the data says), and the closures they enter. Slots stay derived
// (src/shared/appointments/slots.ts), now from the stored template minus the closures.

/** The weekly template a point opens with, saved by staff (one row per point, version-checked). */
export const appointmentTemplates = sqliteTable(
  "appointment_templates",
  {
    pointId: text().primaryKey(),
    /** The week as the data writes it: {"tue":[{"from":"09:00","to":"12:00"}], …}. */
    weekly: text().notNull(),
    /** Its total in an ordinary week, written beside it so the database can hold the 10-hour rule. */
    weeklyMinutes: integer().notNull(),
    /** 1 for the first save; each save sets the version read plus one (a stale save changes nothing). */
    version: integer().notNull(),
    updatedBy: integer().notNull(),
    updatedAt: text().notNull(),
  },
  (t) => [
    check("appointment_templates_weekly", sql`json_valid(${t.weekly})`),
    // The bureau's rule, staffed at least 10 hours a week (points.json minimumWeeklyHours, which
    // the Worker checks first and names in its 422): a template below never reaches the table.
    check("appointment_templates_minimum", sql`${t.weeklyMinutes} >= 600`),
    check("appointment_templates_version", sql`${t.version} >= 1`),
  ],
);

/** A point closed by staff for a day or part of one (training, weather): the bookings in it are cancelled. */
export const appointmentClosures = sqliteTable(
  "appointment_closures",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    pointId: text().notNull(),
    /** The China-time day, and the clock times (both null: the whole day). */
    day: text().notNull(),
    fromClock: text(),
    toClock: text(),
    /** The instants it covers, UTC as the bookings keep theirs: what the closed-period trigger compares. */
    startsAt: text().notNull(),
    endsAt: text().notNull(),
    reason: text({ enum: CLOSURE_REASONS }).notNull(),
    reasonText: text(),
    createdBy: integer().notNull(),
    createdAt: text().notNull(),
    /** Reopened by staff: the bookings cancelled stay cancelled (their merchants were told and rebook). */
    cancelledAt: text(),
    cancelledBy: integer(),
  },
  (t) => [
    check("appointment_closures_period", sql`${t.endsAt} > ${t.startsAt}`),
    check("appointment_closures_clocks", sql`(${t.fromClock} IS NULL) = (${t.toClock} IS NULL)`),
    check("appointment_closures_reason", sql`${t.reason} <> 'other' OR length(${t.reasonText}) > 0`),
    // The closures in force of a point over a period: the slot listing's and the trigger's read.
    index("appointment_closures_active_idx").on(t.pointId, t.startsAt).where(sql`${t.cancelledAt} IS NULL`),
  ],
);
