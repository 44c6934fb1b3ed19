CREATE TABLE `case_counters` (
	`day` text PRIMARY KEY NOT NULL,
	`n` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `complaint_daily_counts` (
	`day` text NOT NULL,
	`community_id` text NOT NULL,
	`category_id` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`day`, `community_id`, `category_id`)
);
--> statement-breakpoint
CREATE TABLE `complaint_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`complaint_id` integer NOT NULL,
	`at` text NOT NULL,
	`action` text NOT NULL,
	`from_state` text,
	`to_state` text NOT NULL,
	`actor_kind` text NOT NULL,
	`actor_id` integer,
	`unit_id` text,
	`note` text,
	`is_public` integer DEFAULT true NOT NULL,
	FOREIGN KEY (`complaint_id`) REFERENCES `complaints`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `complaint_events_case_idx` ON `complaint_events` (`complaint_id`,`id`);--> statement-breakpoint
CREATE TABLE `complaint_photos` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`complaint_id` integer NOT NULL,
	`r2_key` text NOT NULL,
	`content_type` text NOT NULL,
	`bytes` integer NOT NULL,
	`width` integer NOT NULL,
	`height` integer NOT NULL,
	`stage` text DEFAULT 'report' NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`complaint_id`) REFERENCES `complaints`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `complaint_photos_r2Key_unique` ON `complaint_photos` (`r2_key`);--> statement-breakpoint
CREATE INDEX `complaint_photos_case_idx` ON `complaint_photos` (`complaint_id`);--> statement-breakpoint
CREATE TABLE `complaint_supports` (
	`complaint_id` integer NOT NULL,
	`supporter_hash` text NOT NULL,
	`created_at` text NOT NULL,
	PRIMARY KEY(`complaint_id`, `supporter_hash`),
	FOREIGN KEY (`complaint_id`) REFERENCES `complaints`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `complaints` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_number` text NOT NULL,
	`category_id` text NOT NULL,
	`community_id` text NOT NULL,
	`address_text` text NOT NULL,
	`lat` real,
	`lng` real,
	`public_lat` real,
	`public_lng` real,
	`description` text NOT NULL,
	`reporter_name` text,
	`reporter_phone` text,
	`callback_wanted` integer DEFAULT false NOT NULL,
	`state` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`urgent` integer DEFAULT false NOT NULL,
	`unit_id` text,
	`accept_due_at` text NOT NULL,
	`due_at` text,
	`received_at` text NOT NULL,
	`accepted_at` text,
	`closed_at` text,
	`supporters` integer DEFAULT 0 NOT NULL,
	`tracking_hash` text NOT NULL,
	`merged_into` integer,
	`rating` text,
	`rating_comment` text,
	`rated_at` text,
	`reopen_count` integer DEFAULT 0 NOT NULL,
	`contact_anonymised_at` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "complaints_state_ck" CHECK("complaints"."state" IN ('received', 'accepted', 'dispatched', 'in_progress', 'extended', 'suspended', 'sent_back', 'handled', 'reopened', 'closed_fixed', 'closed_not_fixed', 'not_accepted', 'merged')),
	CONSTRAINT "complaints_rating_ck" CHECK("complaints"."rating" IS NULL OR "complaints"."rating" IN ('satisfied', 'basically_satisfied', 'dissatisfied')),
	CONSTRAINT "complaints_supporters_ck" CHECK("complaints"."supporters" >= 0),
	CONSTRAINT "complaints_phone_ck" CHECK("complaints"."reporter_phone" IS NULL OR "complaints"."callback_wanted" = 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `complaints_caseNumber_unique` ON `complaints` (`case_number`);--> statement-breakpoint
CREATE UNIQUE INDEX `complaints_trackingHash_unique` ON `complaints` (`tracking_hash`);--> statement-breakpoint
CREATE INDEX `complaints_received_idx` ON `complaints` (`received_at`);--> statement-breakpoint
CREATE INDEX `complaints_state_received_idx` ON `complaints` (`state`,`received_at`);--> statement-breakpoint
CREATE INDEX `complaints_category_received_idx` ON `complaints` (`category_id`,`received_at`);--> statement-breakpoint
CREATE INDEX `complaints_unit_state_idx` ON `complaints` (`unit_id`,`state`);--> statement-breakpoint
CREATE TABLE `idempotency_keys` (
	`key_hash` text PRIMARY KEY NOT NULL,
	`request_hash` text NOT NULL,
	`complaint_id` integer NOT NULL,
	`replay_cipher` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`complaint_id`) REFERENCES `complaints`(`id`) ON UPDATE no action ON DELETE no action
);
