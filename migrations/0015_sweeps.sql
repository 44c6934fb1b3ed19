CREATE TABLE `sweep_idempotency_keys` (
	`key_hash` text PRIMARY KEY NOT NULL,
	`request_hash` text NOT NULL,
	`signup_id` integer NOT NULL,
	`replay_cipher` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`signup_id`) REFERENCES `sweep_signups`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `sweep_messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`signup_id` integer NOT NULL,
	`kind` text NOT NULL,
	`created_at` text NOT NULL,
	`sent_at` text,
	FOREIGN KEY (`signup_id`) REFERENCES `sweep_signups`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sweep_messages_signup_idx` ON `sweep_messages` (`signup_id`,`id`);--> statement-breakpoint
CREATE INDEX `sweep_messages_unsent_idx` ON `sweep_messages` (`id`) WHERE "sweep_messages"."sent_at" IS NULL;--> statement-breakpoint
CREATE TABLE `sweep_signups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sweep_id` text NOT NULL,
	`manage_hash` text NOT NULL,
	`person_key` text NOT NULL,
	`name` text NOT NULL,
	`phone` text NOT NULL,
	`organisation` text NOT NULL,
	`birth_month` text NOT NULL,
	`volunteer_number` text,
	`status` text NOT NULL,
	`offered_at` text,
	`offered_until` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`sweep_id`) REFERENCES `sweeps`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sweep_signups_manageHash_unique` ON `sweep_signups` (`manage_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `sweep_signups_person_idx` ON `sweep_signups` (`sweep_id`,`person_key`);--> statement-breakpoint
CREATE INDEX `sweep_signups_status_idx` ON `sweep_signups` (`sweep_id`,`status`,`id`);--> statement-breakpoint
CREATE INDEX `sweep_signups_person_key_idx` ON `sweep_signups` (`person_key`);--> statement-breakpoint
CREATE INDEX `sweep_signups_offered_idx` ON `sweep_signups` (`offered_until`) WHERE "sweep_signups"."status" = 'offered';--> statement-breakpoint
CREATE TABLE `sweeps` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`community_id` text NOT NULL,
	`starts_at` text NOT NULL,
	`ends_at` text NOT NULL,
	`meeting_point` text NOT NULL,
	`lat` real NOT NULL,
	`lng` real NOT NULL,
	`capacity` integer NOT NULL,
	`waitlist_limit` integer NOT NULL,
	`min_age` integer NOT NULL,
	`guardian_present_below` integer,
	`organiser` text NOT NULL,
	`leader_contact` text NOT NULL,
	`what_to_bring` text DEFAULT '' NOT NULL,
	`insurance_ref` text DEFAULT '' NOT NULL,
	`state` text NOT NULL,
	`cancel_cutoff_at` text NOT NULL,
	`cancel_reason` text,
	`cancelled_at` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "sweeps_open_insured" CHECK("sweeps"."state" <> 'open' OR "sweeps"."insurance_ref" <> ''),
	CONSTRAINT "sweeps_capacity" CHECK("sweeps"."capacity" > 0 AND "sweeps"."waitlist_limit" >= 0),
	CONSTRAINT "sweeps_times" CHECK("sweeps"."ends_at" > "sweeps"."starts_at")
);
--> statement-breakpoint
CREATE INDEX `sweeps_state_starts_idx` ON `sweeps` (`state`,`starts_at`);--> statement-breakpoint
-- Triggers added by hand (drizzle-kit does not generate them). They hold the sweeps' invariants in the
-- database, so no path (the API, the cron, a seed, an import, a hand-typed INSERT) can break them, and
-- two concurrent requests cannot both pass a check that one of them made before writing. The Worker
-- maps each RAISE message to its answer (functions/lib/sweeps/errors.ts).
--
-- Capacity: confirmed plus offered places never exceed the sweep's capacity.
CREATE TRIGGER `sweep_signups_capacity_insert` BEFORE INSERT ON `sweep_signups`
WHEN NEW.`status` IN ('confirmed', 'offered')
  AND (SELECT count(*) FROM `sweep_signups` WHERE `sweep_id` = NEW.`sweep_id` AND `status` IN ('confirmed', 'offered'))
    >= (SELECT `capacity` FROM `sweeps` WHERE `id` = NEW.`sweep_id`)
BEGIN
  SELECT RAISE(ABORT, 'sweep_full');
END;
--> statement-breakpoint
CREATE TRIGGER `sweep_signups_capacity_update` BEFORE UPDATE OF `status` ON `sweep_signups`
WHEN NEW.`status` IN ('confirmed', 'offered') AND OLD.`status` NOT IN ('confirmed', 'offered')
  AND (SELECT count(*) FROM `sweep_signups` WHERE `sweep_id` = NEW.`sweep_id` AND `status` IN ('confirmed', 'offered'))
    >= (SELECT `capacity` FROM `sweeps` WHERE `id` = NEW.`sweep_id`)
BEGIN
  SELECT RAISE(ABORT, 'sweep_full');
END;
--> statement-breakpoint
-- Staff cannot lower a capacity below the places already taken.
CREATE TRIGGER `sweeps_capacity_taken` BEFORE UPDATE OF `capacity` ON `sweeps`
WHEN NEW.`capacity` < (SELECT count(*) FROM `sweep_signups` WHERE `sweep_id` = NEW.`id` AND `status` IN ('confirmed', 'offered'))
BEGIN
  SELECT RAISE(ABORT, 'capacity_below_taken');
END;
--> statement-breakpoint
-- The waitlist's limit (0: no waitlist): past it a sign-up is refused (409), never squeezed in.
CREATE TRIGGER `sweep_signups_waitlist_limit` BEFORE INSERT ON `sweep_signups`
WHEN NEW.`status` = 'waitlisted'
  AND (SELECT count(*) FROM `sweep_signups` WHERE `sweep_id` = NEW.`sweep_id` AND `status` = 'waitlisted')
    >= (SELECT `waitlist_limit` FROM `sweeps` WHERE `id` = NEW.`sweep_id`)
BEGIN
  SELECT RAISE(ABORT, 'waitlist_full');
END;
--> statement-breakpoint
-- Sign-ups only to an open sweep that has not begun.
CREATE TRIGGER `sweep_signups_open_sweep` BEFORE INSERT ON `sweep_signups`
WHEN NOT EXISTS (SELECT 1 FROM `sweeps` WHERE `id` = NEW.`sweep_id` AND `state` = 'open' AND `starts_at` > NEW.`created_at`)
BEGIN
  SELECT RAISE(ABORT, 'sweep_not_open');
END;
--> statement-breakpoint
-- One person (the same phone) is never in two sweeps that overlap in time.
CREATE TRIGGER `sweep_signups_overlap` BEFORE INSERT ON `sweep_signups`
WHEN EXISTS (
  SELECT 1 FROM `sweep_signups` `o`
    JOIN `sweeps` `os` ON `os`.`id` = `o`.`sweep_id`
    JOIN `sweeps` `ns` ON `ns`.`id` = NEW.`sweep_id`
  WHERE `o`.`person_key` = NEW.`person_key` AND `o`.`sweep_id` <> NEW.`sweep_id`
    AND `o`.`status` IN ('confirmed', 'waitlisted', 'offered')
    AND `os`.`state` <> 'cancelled'
    AND `os`.`starts_at` < `ns`.`ends_at` AND `ns`.`starts_at` < `os`.`ends_at`
)
BEGIN
  SELECT RAISE(ABORT, 'sweep_overlap');
END;
--> statement-breakpoint
-- Staff edits carry the version they saw and set it one higher: a stale edit (someone changed the
-- sweep since) fails its whole batch, audit row and messages included.
CREATE TRIGGER `sweeps_version` BEFORE UPDATE ON `sweeps`
WHEN NEW.`version` <> OLD.`version` + 1
BEGIN
  SELECT RAISE(ABORT, 'stale_version');
END;
