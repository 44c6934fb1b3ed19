CREATE TABLE `application_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`application_id` integer NOT NULL,
	`action` text NOT NULL,
	`step` text NOT NULL,
	`staff_id` integer,
	`note` text,
	`due_on` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `application_events_application_idx` ON `application_events` (`application_id`,`id`);--> statement-breakpoint
CREATE TABLE `application_missing` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`application_id` integer NOT NULL,
	`event_id` integer NOT NULL,
	`item` text NOT NULL,
	`note` text,
	`due_on` text NOT NULL,
	`supplied_at` text,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`event_id`) REFERENCES `application_events`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `application_missing_application_idx` ON `application_missing` (`application_id`,`id`);--> statement-breakpoint
CREATE TABLE `applications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`application_number` text NOT NULL,
	`point_id` text NOT NULL,
	`intake_appointment_id` integer NOT NULL,
	`shop_name` text NOT NULL,
	`shop_address` text NOT NULL,
	`step` text NOT NULL,
	`step_started_at` text NOT NULL,
	`step_due_on` text,
	`due_estimated` integer DEFAULT false NOT NULL,
	`accepted_on` text,
	`decision` text,
	`reasons` text,
	`decided_at` text,
	`version` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`intake_appointment_id`) REFERENCES `appointments`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "applications_decided" CHECK("applications"."step" NOT IN ('decided', 'closed') OR "applications"."decision" IS NOT NULL),
	CONSTRAINT "applications_refusal_reasons" CHECK("applications"."decision" IS NOT 'refused' OR length("applications"."reasons") > 0),
	CONSTRAINT "applications_open_due" CHECK("applications"."step" IN ('closed', 'withdrawn') OR "applications"."step_due_on" IS NOT NULL)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `applications_applicationNumber_unique` ON `applications` (`application_number`);--> statement-breakpoint
CREATE UNIQUE INDEX `applications_intakeAppointmentId_unique` ON `applications` (`intake_appointment_id`);--> statement-breakpoint
CREATE INDEX `applications_open_due_idx` ON `applications` (`point_id`,`step_due_on`) WHERE "applications"."step" IN ('received', 'correction', 'accepted', 'inspection', 'decided');--> statement-breakpoint
CREATE INDEX `applications_overdue_idx` ON `applications` (`step_due_on`) WHERE "applications"."step" IN ('received', 'correction', 'accepted', 'inspection', 'decided');--> statement-breakpoint
-- Hand-written (drizzle-kit does not generate triggers). The invariants of an application, refused
-- by the database whatever statement tries; functions/lib/appointments/applications-errors.ts maps
-- each RAISE message to its answer.
--
-- A step changes only along a move the actions of src/shared/appointments/applications.ts allow
-- (tests/unit/appointments/applications.test.ts checks this list against that table): no decision
-- before acceptance, nothing after 办结 or 撤回.
CREATE TRIGGER `applications_step_moves` BEFORE UPDATE OF `step` ON `applications`
WHEN NEW.`step` <> OLD.`step` AND (OLD.`step`, NEW.`step`) NOT IN (VALUES
    ('received', 'correction'),
    ('correction', 'received'),
    ('received', 'accepted'),
    ('accepted', 'inspection'),
    ('accepted', 'decided'),
    ('inspection', 'decided'),
    ('decided', 'closed'),
    ('received', 'withdrawn'),
    ('correction', 'withdrawn'),
    ('accepted', 'withdrawn'),
    ('inspection', 'withdrawn'))
BEGIN
  SELECT RAISE(ABORT, 'application_step_refused');
END;
--> statement-breakpoint
-- Every write carries the version the staff member saw and sets it one higher: a stale write (someone
-- moved the application meanwhile) fails its whole batch, event and audit row included.
CREATE TRIGGER `applications_version` BEFORE UPDATE ON `applications`
WHEN NEW.`version` <> OLD.`version` + 1
BEGIN
  SELECT RAISE(ABORT, 'stale_application');
END;
--> statement-breakpoint
-- An application starts at 收件, from an intake booking (a consultation or an inspection is not one).
CREATE TRIGGER `applications_start` BEFORE INSERT ON `applications`
WHEN NEW.`step` <> 'received' OR NEW.`version` <> 0
  OR (SELECT `service` FROM `appointments` WHERE `id` = NEW.`intake_appointment_id`) IS NOT 'intake'
BEGIN
  SELECT RAISE(ABORT, 'application_not_intake');
END;
--> statement-breakpoint
-- Its number, point and booking never change, and a decision once made is not rewritten.
CREATE TRIGGER `applications_fixed_columns` BEFORE UPDATE OF `application_number`, `point_id`, `intake_appointment_id`, `decision` ON `applications`
WHEN NEW.`application_number` <> OLD.`application_number` OR NEW.`point_id` <> OLD.`point_id`
  OR NEW.`intake_appointment_id` <> OLD.`intake_appointment_id`
  OR (OLD.`decision` IS NOT NULL AND NEW.`decision` IS NOT OLD.`decision`)
BEGIN
  SELECT RAISE(ABORT, 'application_fixed');
END;
--> statement-breakpoint
-- The timeline is what the merchant was told: append-only.
CREATE TRIGGER `application_events_no_update` BEFORE UPDATE ON `application_events`
BEGIN
  SELECT RAISE(ABORT, 'timeline_append_only');
END;
--> statement-breakpoint
CREATE TRIGGER `application_events_no_delete` BEFORE DELETE ON `application_events`
BEGIN
  SELECT RAISE(ABORT, 'timeline_append_only');
END;
--> statement-breakpoint
-- Missing materials are listed only by a correction request (the batch moves the step first), and an
-- item once supplied stays supplied; only the supplied time ever changes.
CREATE TRIGGER `application_missing_in_correction` BEFORE INSERT ON `application_missing`
WHEN (SELECT `step` FROM `applications` WHERE `id` = NEW.`application_id`) IS NOT 'correction'
BEGIN
  SELECT RAISE(ABORT, 'application_not_in_correction');
END;
--> statement-breakpoint
CREATE TRIGGER `application_missing_supplied_once` BEFORE UPDATE ON `application_missing`
WHEN OLD.`supplied_at` IS NOT NULL OR NEW.`item` IS NOT OLD.`item` OR NEW.`application_id` <> OLD.`application_id`
  OR NEW.`event_id` <> OLD.`event_id` OR NEW.`due_on` IS NOT OLD.`due_on` OR NEW.`note` IS NOT OLD.`note`
BEGIN
  SELECT RAISE(ABORT, 'application_missing_fixed');
END;
