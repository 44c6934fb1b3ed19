CREATE TABLE `sweep_certificates` (
	`number` text PRIMARY KEY NOT NULL,
	`person_key` text NOT NULL,
	`check_code` text NOT NULL,
	`payload` text NOT NULL,
	`signature` text NOT NULL,
	`issued_at` text NOT NULL,
	`issued_by` integer,
	`revoked_at` text,
	`revoked_by` integer,
	`revoke_reason` text
);
--> statement-breakpoint
CREATE INDEX `sweep_certificates_person_idx` ON `sweep_certificates` (`person_key`,`issued_at`);--> statement-breakpoint
CREATE TABLE `sweep_groups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sweep_id` text NOT NULL,
	`manage_hash` text NOT NULL,
	`contact_name` text NOT NULL,
	`contact_phone` text NOT NULL,
	`organisation` text NOT NULL,
	`size` integer NOT NULL,
	`complete_by` text NOT NULL,
	`cancelled_at` text,
	`anonymised_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`sweep_id`) REFERENCES `sweeps`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "sweep_groups_size" CHECK("sweep_groups"."size" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sweep_groups_manageHash_unique` ON `sweep_groups` (`manage_hash`);--> statement-breakpoint
CREATE INDEX `sweep_groups_sweep_idx` ON `sweep_groups` (`sweep_id`);--> statement-breakpoint
CREATE TABLE `sweep_targets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`community_id` text NOT NULL,
	`period_start` text NOT NULL,
	`period_end` text NOT NULL,
	`kind` text NOT NULL,
	`target` real NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "sweep_targets_positive" CHECK("sweep_targets"."target" > 0 AND "sweep_targets"."period_end" > "sweep_targets"."period_start")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sweep_targets_period_idx` ON `sweep_targets` (`community_id`,`period_start`,`period_end`);--> statement-breakpoint
ALTER TABLE `sweep_messages` ADD `recipient` text DEFAULT 'volunteer' NOT NULL;--> statement-breakpoint
ALTER TABLE `sweep_messages` ADD `attempts` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `sweep_signups` ADD `minor` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `sweep_signups` ADD `guardian_name` text;--> statement-breakpoint
ALTER TABLE `sweep_signups` ADD `guardian_phone` text;--> statement-breakpoint
ALTER TABLE `sweep_signups` ADD `guardian_hash` text;--> statement-breakpoint
ALTER TABLE `sweep_signups` ADD `consented_at` text;--> statement-breakpoint
ALTER TABLE `sweep_signups` ADD `held_until` text;--> statement-breakpoint
ALTER TABLE `sweep_signups` ADD `group_id` integer REFERENCES sweep_groups(id);--> statement-breakpoint
ALTER TABLE `sweep_signups` ADD `walk_in` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `sweep_signups` ADD `checked_in_at` text;--> statement-breakpoint
ALTER TABLE `sweep_signups` ADD `checked_out_at` text;--> statement-breakpoint
ALTER TABLE `sweep_signups` ADD `attendance` text;--> statement-breakpoint
ALTER TABLE `sweep_signups` ADD `minutes` integer;--> statement-breakpoint
ALTER TABLE `sweep_signups` ADD `anonymised_at` text;--> statement-breakpoint
CREATE UNIQUE INDEX `sweep_signups_guardianHash_unique` ON `sweep_signups` (`guardian_hash`);--> statement-breakpoint
CREATE INDEX `sweep_signups_held_idx` ON `sweep_signups` (`held_until`) WHERE "sweep_signups"."status" IN ('pending_consent', 'reserved');--> statement-breakpoint
CREATE INDEX `sweep_signups_group_idx` ON `sweep_signups` (`group_id`);--> statement-breakpoint
CREATE INDEX `sweep_signups_retention_idx` ON `sweep_signups` (`updated_at`) WHERE "sweep_signups"."anonymised_at" IS NULL;--> statement-breakpoint
ALTER TABLE `sweeps` ADD `leader_hash` text;--> statement-breakpoint
ALTER TABLE `sweeps` ADD `hours_approved_at` text;--> statement-breakpoint
ALTER TABLE `sweeps` ADD `hours_approved_by` integer;--> statement-breakpoint
CREATE UNIQUE INDEX `sweeps_leaderHash_unique` ON `sweeps` (`leader_hash`);--> statement-breakpoint
-- Triggers added by hand (drizzle-kit does not generate them), replacing 0015's where the new
-- statuses change what they count. A place is taken by a confirmed person, an open offer, a minor's
-- place held for the guardian's consent and a group's place held for the member's details
-- (TAKEN_STATUSES in src/shared/sweeps/wire.ts).
DROP TRIGGER `sweep_signups_capacity_insert`;
--> statement-breakpoint
CREATE TRIGGER `sweep_signups_capacity_insert` BEFORE INSERT ON `sweep_signups`
WHEN NEW.`status` IN ('confirmed', 'offered', 'pending_consent', 'reserved')
  AND (SELECT count(*) FROM `sweep_signups` WHERE `sweep_id` = NEW.`sweep_id`
        AND `status` IN ('confirmed', 'offered', 'pending_consent', 'reserved'))
    >= (SELECT `capacity` FROM `sweeps` WHERE `id` = NEW.`sweep_id`)
BEGIN
  SELECT RAISE(ABORT, 'sweep_full');
END;
--> statement-breakpoint
DROP TRIGGER `sweep_signups_capacity_update`;
--> statement-breakpoint
CREATE TRIGGER `sweep_signups_capacity_update` BEFORE UPDATE OF `status` ON `sweep_signups`
WHEN NEW.`status` IN ('confirmed', 'offered', 'pending_consent', 'reserved')
  AND OLD.`status` NOT IN ('confirmed', 'offered', 'pending_consent', 'reserved')
  AND (SELECT count(*) FROM `sweep_signups` WHERE `sweep_id` = NEW.`sweep_id`
        AND `status` IN ('confirmed', 'offered', 'pending_consent', 'reserved'))
    >= (SELECT `capacity` FROM `sweeps` WHERE `id` = NEW.`sweep_id`)
BEGIN
  SELECT RAISE(ABORT, 'sweep_full');
END;
--> statement-breakpoint
DROP TRIGGER `sweeps_capacity_taken`;
--> statement-breakpoint
CREATE TRIGGER `sweeps_capacity_taken` BEFORE UPDATE OF `capacity` ON `sweeps`
WHEN NEW.`capacity` < (SELECT count(*) FROM `sweep_signups` WHERE `sweep_id` = NEW.`id`
        AND `status` IN ('confirmed', 'offered', 'pending_consent', 'reserved'))
BEGIN
  SELECT RAISE(ABORT, 'capacity_below_taken');
END;
--> statement-breakpoint
-- Sign-ups only to an open sweep that has not begun; a walk-in (the leader, on the day) only to an
-- open sweep that has not ended.
DROP TRIGGER `sweep_signups_open_sweep`;
--> statement-breakpoint
CREATE TRIGGER `sweep_signups_open_sweep` BEFORE INSERT ON `sweep_signups`
WHEN NOT EXISTS (SELECT 1 FROM `sweeps` WHERE `id` = NEW.`sweep_id` AND `state` = 'open'
  AND CASE WHEN NEW.`walk_in` = 1 THEN `ends_at` > NEW.`created_at` ELSE `starts_at` > NEW.`created_at` END)
BEGIN
  SELECT RAISE(ABORT, 'sweep_not_open');
END;
--> statement-breakpoint
-- One person is never in two overlapping sweeps, counting held places too; checked again when a
-- group member's details (and so their person key) are filled in.
DROP TRIGGER `sweep_signups_overlap`;
--> statement-breakpoint
CREATE TRIGGER `sweep_signups_overlap` BEFORE INSERT ON `sweep_signups`
WHEN EXISTS (
  SELECT 1 FROM `sweep_signups` `o`
    JOIN `sweeps` `os` ON `os`.`id` = `o`.`sweep_id`
    JOIN `sweeps` `ns` ON `ns`.`id` = NEW.`sweep_id`
  WHERE `o`.`person_key` = NEW.`person_key` AND `o`.`sweep_id` <> NEW.`sweep_id`
    AND `o`.`status` IN ('confirmed', 'waitlisted', 'offered', 'pending_consent', 'reserved')
    AND `os`.`state` <> 'cancelled'
    AND `os`.`starts_at` < `ns`.`ends_at` AND `ns`.`starts_at` < `os`.`ends_at`
)
BEGIN
  SELECT RAISE(ABORT, 'sweep_overlap');
END;
--> statement-breakpoint
CREATE TRIGGER `sweep_signups_overlap_update` BEFORE UPDATE OF `person_key` ON `sweep_signups`
WHEN EXISTS (
  SELECT 1 FROM `sweep_signups` `o`
    JOIN `sweeps` `os` ON `os`.`id` = `o`.`sweep_id`
    JOIN `sweeps` `ns` ON `ns`.`id` = NEW.`sweep_id`
  WHERE `o`.`person_key` = NEW.`person_key` AND `o`.`sweep_id` <> NEW.`sweep_id`
    AND `o`.`status` IN ('confirmed', 'waitlisted', 'offered', 'pending_consent', 'reserved')
    AND `os`.`state` <> 'cancelled'
    AND `os`.`starts_at` < `ns`.`ends_at` AND `ns`.`starts_at` < `os`.`ends_at`
)
BEGIN
  SELECT RAISE(ABORT, 'sweep_overlap');
END;
--> statement-breakpoint
-- A minor is never confirmed without the guardian's consent, whatever path writes the row.
CREATE TRIGGER `sweep_signups_consent_insert` BEFORE INSERT ON `sweep_signups`
WHEN NEW.`status` = 'confirmed' AND NEW.`minor` = 1 AND NEW.`consented_at` IS NULL
BEGIN
  SELECT RAISE(ABORT, 'consent_missing');
END;
--> statement-breakpoint
CREATE TRIGGER `sweep_signups_consent_update` BEFORE UPDATE ON `sweep_signups`
WHEN NEW.`status` = 'confirmed' AND NEW.`minor` = 1 AND NEW.`consented_at` IS NULL
BEGIN
  SELECT RAISE(ABORT, 'consent_missing');
END;
--> statement-breakpoint
-- Attendance is recorded only for a confirmed place (a walk-in is confirmed when added).
CREATE TRIGGER `sweep_signups_attendance` BEFORE UPDATE OF `attendance`, `checked_in_at` ON `sweep_signups`
WHEN (NEW.`attendance` IS NOT NULL OR NEW.`checked_in_at` IS NOT NULL) AND NEW.`status` <> 'confirmed'
BEGIN
  SELECT RAISE(ABORT, 'not_confirmed');
END;
--> statement-breakpoint
-- The version guards the sweep's public facts only: issuing a leader link or approving hours does
-- not change what a calendar shows, so it neither needs nor raises the version.
DROP TRIGGER `sweeps_version`;
--> statement-breakpoint
CREATE TRIGGER `sweeps_version` BEFORE UPDATE OF `title`, `community_id`, `starts_at`, `ends_at`, `meeting_point`,
  `lat`, `lng`, `capacity`, `waitlist_limit`, `min_age`, `guardian_present_below`, `organiser`, `leader_contact`,
  `what_to_bring`, `insurance_ref`, `state`, `cancel_cutoff_at`, `cancel_reason`, `cancelled_at`, `version` ON `sweeps`
WHEN NEW.`version` <> OLD.`version` + 1
BEGIN
  SELECT RAISE(ABORT, 'stale_version');
END;
--> statement-breakpoint
-- Certificates are revoked, never rewritten: what one says and its signature stay as issued.
CREATE TRIGGER `sweep_certificates_frozen` BEFORE UPDATE OF `number`, `person_key`, `check_code`, `payload`,
  `signature`, `issued_at`, `issued_by` ON `sweep_certificates`
BEGIN
  SELECT RAISE(ABORT, 'certificate_frozen');
END;
--> statement-breakpoint
CREATE TRIGGER `sweep_certificates_kept` BEFORE DELETE ON `sweep_certificates`
BEGIN
  SELECT RAISE(ABORT, 'certificate_frozen');
END;
