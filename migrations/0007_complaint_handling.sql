CREATE TABLE `complaint_figures` (
	`dim` text NOT NULL,
	`day` text NOT NULL,
	`key` text NOT NULL,
	`metric` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`dim`, `day`, `key`, `metric`)
);
--> statement-breakpoint
CREATE INDEX `complaint_figures_window_idx` ON `complaint_figures` (`dim`,`day`,`key`,`metric`,`n`);--> statement-breakpoint
DROP INDEX `complaints_unit_state_idx`;--> statement-breakpoint
ALTER TABLE `complaints` ADD `responded_at` text;--> statement-breakpoint
ALTER TABLE `complaints` ADD `handled_at` text;--> statement-breakpoint
ALTER TABLE `complaints` ADD `rework_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `complaints` ADD `pending_request` text;--> statement-breakpoint
ALTER TABLE `complaints` ADD `pending_days` integer;--> statement-breakpoint
ALTER TABLE `complaints` ADD `overdue_at` text;--> statement-breakpoint
CREATE INDEX `complaints_unit_queue_idx` ON `complaints` (`unit_id`,`state`,`due_at`);--> statement-breakpoint
CREATE INDEX `complaints_inbox_idx` ON `complaints` (`state`,"urgent" DESC,`received_at`);--> statement-breakpoint
CREATE INDEX `complaints_state_due_idx` ON `complaints` (`state`,`due_at`);--> statement-breakpoint
CREATE INDEX `complaints_overdue_idx` ON `complaints` (`overdue_at`) WHERE "complaints"."overdue_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `complaints_merged_into_idx` ON `complaints` (`merged_into`) WHERE "complaints"."merged_into" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `complaints_retention_idx` ON `complaints` (`closed_at`) WHERE "complaints"."contact_anonymised_at" IS NULL;--> statement-breakpoint
ALTER TABLE `complaint_events` ADD `note_public` integer DEFAULT true NOT NULL;