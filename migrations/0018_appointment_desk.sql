DROP INDEX `appointments_slot_booked_idx`;--> statement-breakpoint
ALTER TABLE `appointments` ADD `checked_in_at` text;--> statement-breakpoint
ALTER TABLE `appointments` ADD `checked_in_by` integer;--> statement-breakpoint
ALTER TABLE `appointments` ADD `walk_in` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `appointments` ADD `desk_note` text;--> statement-breakpoint
CREATE INDEX `appointments_slot_taken_idx` ON `appointments` (`point_id`,`service`,`slot_start`,`slot_id`) WHERE "appointments"."status" IN ('booked', 'attended');--> statement-breakpoint
-- Triggers replaced by hand (drizzle-kit does not generate them): a merchant checked in at the desk
-- (`attended`) still holds the slot's place, so a walk-in or a late booking cannot take it twice; a
-- no-show frees it. The count reads the partial index above (TAKEN_APPOINTMENT_STATUSES).
DROP TRIGGER `appointments_capacity_insert`;
--> statement-breakpoint
CREATE TRIGGER `appointments_capacity_insert` BEFORE INSERT ON `appointments`
WHEN NEW.`status` IN ('booked', 'attended')
  AND (SELECT count(*) FROM `appointments` WHERE `point_id` = NEW.`point_id` AND `service` = NEW.`service`
    AND `slot_start` = NEW.`slot_start` AND `slot_id` = NEW.`slot_id` AND `status` IN ('booked', 'attended')) >= NEW.`capacity`
BEGIN
  SELECT RAISE(ABORT, 'slot_full');
END;
--> statement-breakpoint
DROP TRIGGER `appointments_capacity_update`;
--> statement-breakpoint
CREATE TRIGGER `appointments_capacity_update` BEFORE UPDATE OF `slot_id`, `status` ON `appointments`
WHEN NEW.`status` IN ('booked', 'attended')
  AND (OLD.`status` NOT IN ('booked', 'attended') OR NEW.`slot_id` <> OLD.`slot_id`)
  AND (SELECT count(*) FROM `appointments` WHERE `point_id` = NEW.`point_id` AND `service` = NEW.`service`
    AND `slot_start` = NEW.`slot_start` AND `slot_id` = NEW.`slot_id` AND `status` IN ('booked', 'attended')
    AND `id` <> NEW.`id`) >= NEW.`capacity`
BEGIN
  SELECT RAISE(ABORT, 'slot_full');
END;
