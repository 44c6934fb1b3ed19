CREATE TABLE `change_counters` (
	`name` text PRIMARY KEY NOT NULL,
	`n` integer DEFAULT 0 NOT NULL
);--> statement-breakpoint
-- Hand-written (drizzle-kit does not generate triggers or rows). Each feature's counter moves in the
-- same statement as any write its public lists read: a sweep, a sign-up's status, a target; a
-- booking's slot or status, a point's template or closures. A Worker that kept a list's rows serves
-- them again only while the counter has not moved (functions/db/kept-reads.ts).
INSERT INTO `change_counters` (`name`, `n`) VALUES ('sweeps', 0), ('appointments', 0);
--> statement-breakpoint
CREATE TRIGGER `sweeps_counted_insert` AFTER INSERT ON `sweeps`
BEGIN
  UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'sweeps';
END;
--> statement-breakpoint
CREATE TRIGGER `sweeps_counted_update` AFTER UPDATE ON `sweeps`
BEGIN
  UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'sweeps';
END;
--> statement-breakpoint
CREATE TRIGGER `sweeps_counted_delete` AFTER DELETE ON `sweeps`
BEGIN
  UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'sweeps';
END;
--> statement-breakpoint
CREATE TRIGGER `sweep_signups_counted_insert` AFTER INSERT ON `sweep_signups`
BEGIN
  UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'sweeps';
END;
--> statement-breakpoint
CREATE TRIGGER `sweep_signups_counted_update` AFTER UPDATE OF `sweep_id`, `status` ON `sweep_signups`
BEGIN
  UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'sweeps';
END;
--> statement-breakpoint
CREATE TRIGGER `sweep_signups_counted_delete` AFTER DELETE ON `sweep_signups`
BEGIN
  UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'sweeps';
END;
--> statement-breakpoint
CREATE TRIGGER `sweep_targets_counted_insert` AFTER INSERT ON `sweep_targets`
BEGIN
  UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'sweeps';
END;
--> statement-breakpoint
CREATE TRIGGER `sweep_targets_counted_update` AFTER UPDATE ON `sweep_targets`
BEGIN
  UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'sweeps';
END;
--> statement-breakpoint
CREATE TRIGGER `sweep_targets_counted_delete` AFTER DELETE ON `sweep_targets`
BEGIN
  UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'sweeps';
END;
--> statement-breakpoint
CREATE TRIGGER `appointments_counted_insert` AFTER INSERT ON `appointments`
BEGIN
  UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'appointments';
END;
--> statement-breakpoint
CREATE TRIGGER `appointments_counted_update` AFTER UPDATE OF `point_id`, `service`, `slot_id`, `slot_start`, `slot_end`, `status` ON `appointments`
BEGIN
  UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'appointments';
END;
--> statement-breakpoint
CREATE TRIGGER `appointments_counted_delete` AFTER DELETE ON `appointments`
BEGIN
  UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'appointments';
END;
--> statement-breakpoint
CREATE TRIGGER `appointment_templates_counted_insert` AFTER INSERT ON `appointment_templates`
BEGIN
  UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'appointments';
END;
--> statement-breakpoint
CREATE TRIGGER `appointment_templates_counted_update` AFTER UPDATE ON `appointment_templates`
BEGIN
  UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'appointments';
END;
--> statement-breakpoint
CREATE TRIGGER `appointment_templates_counted_delete` AFTER DELETE ON `appointment_templates`
BEGIN
  UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'appointments';
END;
--> statement-breakpoint
CREATE TRIGGER `appointment_closures_counted_insert` AFTER INSERT ON `appointment_closures`
BEGIN
  UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'appointments';
END;
--> statement-breakpoint
CREATE TRIGGER `appointment_closures_counted_update` AFTER UPDATE ON `appointment_closures`
BEGIN
  UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'appointments';
END;
--> statement-breakpoint
CREATE TRIGGER `appointment_closures_counted_delete` AFTER DELETE ON `appointment_closures`
BEGIN
  UPDATE `change_counters` SET `n` = `n` + 1 WHERE `name` = 'appointments';
END;
