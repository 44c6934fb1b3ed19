CREATE TABLE `appointment_closures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`point_id` text NOT NULL,
	`day` text NOT NULL,
	`from_clock` text,
	`to_clock` text,
	`starts_at` text NOT NULL,
	`ends_at` text NOT NULL,
	`reason` text NOT NULL,
	`reason_text` text,
	`created_by` integer NOT NULL,
	`created_at` text NOT NULL,
	`cancelled_at` text,
	`cancelled_by` integer,
	CONSTRAINT "appointment_closures_period" CHECK("appointment_closures"."ends_at" > "appointment_closures"."starts_at"),
	CONSTRAINT "appointment_closures_clocks" CHECK(("appointment_closures"."from_clock" IS NULL) = ("appointment_closures"."to_clock" IS NULL)),
	CONSTRAINT "appointment_closures_reason" CHECK("appointment_closures"."reason" <> 'other' OR length("appointment_closures"."reason_text") > 0)
);
--> statement-breakpoint
CREATE INDEX `appointment_closures_active_idx` ON `appointment_closures` (`point_id`,`starts_at`) WHERE "appointment_closures"."cancelled_at" IS NULL;--> statement-breakpoint
CREATE TABLE `appointment_templates` (
	`point_id` text PRIMARY KEY NOT NULL,
	`weekly` text NOT NULL,
	`weekly_minutes` integer NOT NULL,
	`version` integer NOT NULL,
	`updated_by` integer NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "appointment_templates_weekly" CHECK(json_valid("appointment_templates"."weekly")),
	CONSTRAINT "appointment_templates_minimum" CHECK("appointment_templates"."weekly_minutes" >= 600),
	CONSTRAINT "appointment_templates_version" CHECK("appointment_templates"."version" >= 1)
);
--> statement-breakpoint
ALTER TABLE `appointments` ADD `closure_id` integer;--> statement-breakpoint
-- Hand-written (drizzle-kit does not generate triggers). A closure in force closes its period: no
-- row may take a place there (a booking, a reschedule into it, a walk-in, an undo back to booked),
-- whatever the Worker read before. Closing and booking are each one D1 batch and D1 runs one batch
-- at a time, so a booking that lands after the closure is refused here, and one that landed before
-- is among the rows the closure's own batch cancels. Overlap is by instants: a closure touching an
-- inspection's visit window closes the whole window, as the slot listing says.
CREATE TRIGGER `appointments_closed_insert` BEFORE INSERT ON `appointments`
WHEN NEW.`status` IN ('booked', 'attended')
  AND EXISTS (SELECT 1 FROM `appointment_closures` WHERE `point_id` = NEW.`point_id` AND `cancelled_at` IS NULL
    AND `starts_at` < NEW.`slot_end` AND `ends_at` > NEW.`slot_start`)
BEGIN
  SELECT RAISE(ABORT, 'point_closed');
END;
--> statement-breakpoint
CREATE TRIGGER `appointments_closed_update` BEFORE UPDATE OF `slot_id`, `status` ON `appointments`
WHEN NEW.`status` IN ('booked', 'attended')
  AND (OLD.`status` NOT IN ('booked', 'attended') OR NEW.`slot_id` <> OLD.`slot_id`)
  AND EXISTS (SELECT 1 FROM `appointment_closures` WHERE `point_id` = NEW.`point_id` AND `cancelled_at` IS NULL
    AND `starts_at` < NEW.`slot_end` AND `ends_at` > NEW.`slot_start`)
BEGIN
  SELECT RAISE(ABORT, 'point_closed');
END;
--> statement-breakpoint
-- A closure is a record of what merchants were told: only reopening it (cancelled_at, once) changes it.
CREATE TRIGGER `appointment_closures_fixed` BEFORE UPDATE ON `appointment_closures`
WHEN OLD.`cancelled_at` IS NOT NULL OR NEW.`cancelled_at` IS NULL
  OR NEW.`point_id` <> OLD.`point_id` OR NEW.`day` <> OLD.`day` OR NEW.`starts_at` <> OLD.`starts_at`
  OR NEW.`ends_at` <> OLD.`ends_at` OR NEW.`reason` <> OLD.`reason` OR NEW.`created_at` <> OLD.`created_at`
BEGIN
  SELECT RAISE(ABORT, 'closure_fixed');
END;
--> statement-breakpoint
CREATE TRIGGER `appointment_closures_no_delete` BEFORE DELETE ON `appointment_closures`
BEGIN
  SELECT RAISE(ABORT, 'closure_fixed');
END;
--> statement-breakpoint
-- A saved template only moves forward: each save is the version read plus one, so two editors
-- saving over the same version cannot both land (the second changes nothing and is told so).
CREATE TRIGGER `appointment_templates_version` BEFORE UPDATE ON `appointment_templates`
WHEN NEW.`version` <> OLD.`version` + 1 OR NEW.`point_id` <> OLD.`point_id`
BEGIN
  SELECT RAISE(ABORT, 'template_stale');
END;
