CREATE TABLE `appointment_idempotency_keys` (
	`key_hash` text PRIMARY KEY NOT NULL,
	`request_hash` text NOT NULL,
	`appointment_id` integer NOT NULL,
	`replay_cipher` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`appointment_id`) REFERENCES `appointments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `appointment_messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`appointment_id` integer NOT NULL,
	`kind` text NOT NULL,
	`created_at` text NOT NULL,
	`sent_at` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`appointment_id`) REFERENCES `appointments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `appointment_messages_appointment_idx` ON `appointment_messages` (`appointment_id`,`id`);--> statement-breakpoint
CREATE INDEX `appointment_messages_unsent_idx` ON `appointment_messages` (`id`) WHERE "appointment_messages"."sent_at" IS NULL;--> statement-breakpoint
CREATE TABLE `appointments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`booking_number` text NOT NULL,
	`manage_hash` text NOT NULL,
	`point_id` text NOT NULL,
	`service` text NOT NULL,
	`slot_id` text NOT NULL,
	`slot_start` text NOT NULL,
	`slot_end` text NOT NULL,
	`capacity` integer NOT NULL,
	`name` text NOT NULL,
	`phone` text NOT NULL,
	`person_key` text NOT NULL,
	`shop_name` text NOT NULL,
	`shop_address` text NOT NULL,
	`licence_number` text,
	`application_number` text,
	`status` text NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "appointments_capacity" CHECK("appointments"."capacity" > 0),
	CONSTRAINT "appointments_times" CHECK("appointments"."slot_end" > "appointments"."slot_start")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `appointments_bookingNumber_unique` ON `appointments` (`booking_number`);--> statement-breakpoint
CREATE UNIQUE INDEX `appointments_manageHash_unique` ON `appointments` (`manage_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `appointments_person_active_idx` ON `appointments` (`person_key`,`service`) WHERE "appointments"."status" = 'booked';--> statement-breakpoint
CREATE INDEX `appointments_slot_booked_idx` ON `appointments` (`point_id`,`service`,`slot_start`,`slot_id`) WHERE "appointments"."status" = 'booked';--> statement-breakpoint
CREATE INDEX `appointments_day_idx` ON `appointments` (`point_id`,`slot_start`);--> statement-breakpoint
CREATE INDEX `appointments_person_idx` ON `appointments` (`person_key`,`status`);--> statement-breakpoint
-- Hand-written (drizzle-kit does not generate triggers). A slot's places are never oversold: a
-- booked row is refused when its slot already holds `capacity` booked rows (the capacity the data
-- gave the slot, carried on each booking). D1 runs a batch as one transaction, one batch at a time,
-- so the count is read in the same transaction as the write and concurrent bookings see each
-- other; there is no counter row to drift. Counted by point, service and start (what the slot id
-- names) so the partial index appointments_slot_booked_idx answers it.
CREATE TRIGGER `appointments_capacity_insert` BEFORE INSERT ON `appointments`
WHEN NEW.`status` = 'booked'
  AND (SELECT count(*) FROM `appointments` WHERE `point_id` = NEW.`point_id` AND `service` = NEW.`service`
    AND `slot_start` = NEW.`slot_start` AND `slot_id` = NEW.`slot_id` AND `status` = 'booked') >= NEW.`capacity`
BEGIN
  SELECT RAISE(ABORT, 'slot_full');
END;
--> statement-breakpoint
-- A reschedule moves one row to another slot (the old place is freed by the same UPDATE that takes
-- the new one, so the two can never be both held or both lost); the new slot is counted without
-- the row itself. A status going back to booked is counted the same way.
CREATE TRIGGER `appointments_capacity_update` BEFORE UPDATE OF `slot_id`, `status` ON `appointments`
WHEN NEW.`status` = 'booked' AND (OLD.`status` <> 'booked' OR NEW.`slot_id` <> OLD.`slot_id`)
  AND (SELECT count(*) FROM `appointments` WHERE `point_id` = NEW.`point_id` AND `service` = NEW.`service`
    AND `slot_start` = NEW.`slot_start` AND `slot_id` = NEW.`slot_id` AND `status` = 'booked'
    AND `id` <> NEW.`id`) >= NEW.`capacity`
BEGIN
  SELECT RAISE(ABORT, 'slot_full');
END;
--> statement-breakpoint
-- A booking's service and person never change after it is written (a reschedule moves only the
-- slot, which names its point), so the one-active-booking index keeps meaning what it says.
CREATE TRIGGER `appointments_fixed_columns` BEFORE UPDATE OF `service`, `person_key`, `manage_hash`, `booking_number` ON `appointments`
WHEN NEW.`service` <> OLD.`service` OR NEW.`person_key` <> OLD.`person_key`
  OR NEW.`manage_hash` <> OLD.`manage_hash` OR NEW.`booking_number` <> OLD.`booking_number`
BEGIN
  SELECT RAISE(ABORT, 'appointment_fixed');
END;
--> statement-breakpoint
-- A slot id names its point, service and China-time start: a row whose slot id says another point,
-- service or start is refused, so the count above (by point, service and start) is the slot's.
CREATE TRIGGER `appointments_slot_matches_insert` BEFORE INSERT ON `appointments`
WHEN NEW.`slot_id` <> NEW.`point_id` || ':' || NEW.`service` || ':' || strftime('%Y-%m-%dT%H:%M', NEW.`slot_start`, '+8 hours') || '+08:00'
BEGIN
  SELECT RAISE(ABORT, 'slot_mismatch');
END;
--> statement-breakpoint
CREATE TRIGGER `appointments_slot_matches_update` BEFORE UPDATE OF `slot_id`, `slot_start` ON `appointments`
WHEN NEW.`slot_id` <> NEW.`point_id` || ':' || NEW.`service` || ':' || strftime('%Y-%m-%dT%H:%M', NEW.`slot_start`, '+8 hours') || '+08:00'
BEGIN
  SELECT RAISE(ABORT, 'slot_mismatch');
END;
