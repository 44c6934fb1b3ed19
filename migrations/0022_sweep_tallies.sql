ALTER TABLE `sweeps` ADD `confirmed_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `sweeps` ADD `offered_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `sweeps` ADD `waitlisted_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `sweeps` ADD `held_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `sweeps` ADD `attended_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `sweeps` ADD `attended_minutes` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Triggers and the backfill added by hand (drizzle-kit does not generate them). Each sign-up adds
-- its part to its sweep's tallies when it is written and takes it back when it changes or goes:
-- confirmed, offered, waitlisted, held (a guardian's consent or a group member's details), and
-- attended (confirmed and marked attended) with its minutes. SQLite runs AFTER triggers row by row,
-- so an INSERT … SELECT of many sign-ups keeps them exact too.
UPDATE `sweeps` SET
  `confirmed_count` = (SELECT count(*) FROM `sweep_signups` s WHERE s.`sweep_id` = `sweeps`.`id` AND s.`status` = 'confirmed'),
  `offered_count` = (SELECT count(*) FROM `sweep_signups` s WHERE s.`sweep_id` = `sweeps`.`id` AND s.`status` = 'offered'),
  `waitlisted_count` = (SELECT count(*) FROM `sweep_signups` s WHERE s.`sweep_id` = `sweeps`.`id` AND s.`status` = 'waitlisted'),
  `held_count` = (SELECT count(*) FROM `sweep_signups` s WHERE s.`sweep_id` = `sweeps`.`id` AND s.`status` IN ('pending_consent', 'reserved')),
  `attended_count` = (SELECT count(*) FROM `sweep_signups` s WHERE s.`sweep_id` = `sweeps`.`id` AND s.`status` = 'confirmed' AND s.`attendance` = 'attended'),
  `attended_minutes` = (SELECT coalesce(sum(s.`minutes`), 0) FROM `sweep_signups` s WHERE s.`sweep_id` = `sweeps`.`id` AND s.`status` = 'confirmed' AND s.`attendance` = 'attended');
--> statement-breakpoint
CREATE TRIGGER `sweep_signups_tally_insert` AFTER INSERT ON `sweep_signups`
BEGIN
  UPDATE `sweeps` SET
    `confirmed_count` = `confirmed_count` + (NEW.`status` = 'confirmed'),
    `offered_count` = `offered_count` + (NEW.`status` = 'offered'),
    `waitlisted_count` = `waitlisted_count` + (NEW.`status` = 'waitlisted'),
    `held_count` = `held_count` + (NEW.`status` IN ('pending_consent', 'reserved')),
    `attended_count` = `attended_count` + coalesce(NEW.`status` = 'confirmed' AND NEW.`attendance` = 'attended', 0),
    `attended_minutes` = `attended_minutes` + CASE WHEN NEW.`status` = 'confirmed' AND NEW.`attendance` = 'attended'
      THEN coalesce(NEW.`minutes`, 0) ELSE 0 END
  WHERE `id` = NEW.`sweep_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `sweep_signups_tally_delete` AFTER DELETE ON `sweep_signups`
BEGIN
  UPDATE `sweeps` SET
    `confirmed_count` = `confirmed_count` - (OLD.`status` = 'confirmed'),
    `offered_count` = `offered_count` - (OLD.`status` = 'offered'),
    `waitlisted_count` = `waitlisted_count` - (OLD.`status` = 'waitlisted'),
    `held_count` = `held_count` - (OLD.`status` IN ('pending_consent', 'reserved')),
    `attended_count` = `attended_count` - coalesce(OLD.`status` = 'confirmed' AND OLD.`attendance` = 'attended', 0),
    `attended_minutes` = `attended_minutes` - CASE WHEN OLD.`status` = 'confirmed' AND OLD.`attendance` = 'attended'
      THEN coalesce(OLD.`minutes`, 0) ELSE 0 END
  WHERE `id` = OLD.`sweep_id`;
END;
--> statement-breakpoint
-- Only an update that moves a tally: the old row's part out of its sweep, the new row's in.
CREATE TRIGGER `sweep_signups_tally_update` AFTER UPDATE OF `status`, `attendance`, `minutes`, `sweep_id` ON `sweep_signups`
WHEN OLD.`status` IS NOT NEW.`status` OR OLD.`attendance` IS NOT NEW.`attendance`
  OR OLD.`minutes` IS NOT NEW.`minutes` OR OLD.`sweep_id` IS NOT NEW.`sweep_id`
BEGIN
  UPDATE `sweeps` SET
    `confirmed_count` = `confirmed_count` - (OLD.`status` = 'confirmed'),
    `offered_count` = `offered_count` - (OLD.`status` = 'offered'),
    `waitlisted_count` = `waitlisted_count` - (OLD.`status` = 'waitlisted'),
    `held_count` = `held_count` - (OLD.`status` IN ('pending_consent', 'reserved')),
    `attended_count` = `attended_count` - coalesce(OLD.`status` = 'confirmed' AND OLD.`attendance` = 'attended', 0),
    `attended_minutes` = `attended_minutes` - CASE WHEN OLD.`status` = 'confirmed' AND OLD.`attendance` = 'attended'
      THEN coalesce(OLD.`minutes`, 0) ELSE 0 END
  WHERE `id` = OLD.`sweep_id`;
  UPDATE `sweeps` SET
    `confirmed_count` = `confirmed_count` + (NEW.`status` = 'confirmed'),
    `offered_count` = `offered_count` + (NEW.`status` = 'offered'),
    `waitlisted_count` = `waitlisted_count` + (NEW.`status` = 'waitlisted'),
    `held_count` = `held_count` + (NEW.`status` IN ('pending_consent', 'reserved')),
    `attended_count` = `attended_count` + coalesce(NEW.`status` = 'confirmed' AND NEW.`attendance` = 'attended', 0),
    `attended_minutes` = `attended_minutes` + CASE WHEN NEW.`status` = 'confirmed' AND NEW.`attendance` = 'attended'
      THEN coalesce(NEW.`minutes`, 0) ELSE 0 END
  WHERE `id` = NEW.`sweep_id`;
END;
