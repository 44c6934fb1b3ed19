DROP INDEX `sweep_signups_person_key_idx`;--> statement-breakpoint
DROP INDEX `sweep_signups_guardianHash_unique`;--> statement-breakpoint
DROP INDEX `sweep_signups_person_idx`;--> statement-breakpoint
DROP INDEX `sweep_signups_group_idx`;--> statement-breakpoint
CREATE UNIQUE INDEX `sweep_signups_guardianHash_unique` ON `sweep_signups` (`guardian_hash`) WHERE "sweep_signups"."guardian_hash" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `sweep_signups_person_idx` ON `sweep_signups` (`person_key`,`sweep_id`);--> statement-breakpoint
CREATE INDEX `sweep_signups_group_idx` ON `sweep_signups` (`group_id`) WHERE "sweep_signups"."group_id" IS NOT NULL;