CREATE TABLE `open311_api_keys` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`holder` text NOT NULL,
	`prefix` text NOT NULL,
	`key_hash` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`created_by` integer,
	`revoked_at` text,
	`revoked_by` integer,
	`last_used_at` text,
	FOREIGN KEY (`created_by`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`revoked_by`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "open311_api_keys_revoked_ck" CHECK("open311_api_keys"."revoked_at" IS NULL OR "open311_api_keys"."revoked_by" IS NOT NULL)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `open311_api_keys_keyHash_unique` ON `open311_api_keys` (`key_hash`);--> statement-breakpoint
CREATE TABLE `open311_requests` (
	`complaint_id` integer PRIMARY KEY NOT NULL,
	`key_id` integer NOT NULL,
	`token` text NOT NULL,
	`account_id` text,
	`media_url` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`complaint_id`) REFERENCES `complaints`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`key_id`) REFERENCES `open311_api_keys`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `open311_requests_token_unique` ON `open311_requests` (`token`);--> statement-breakpoint
CREATE INDEX `open311_requests_key_idx` ON `open311_requests` (`key_id`,`created_at`);