-- Rows every complaint implies, written by the database itself whatever inserts the case (the
-- filing batch, the demo seed, an import): the filing event that starts its timeline, and its
-- count in the hot-spot table. No case can exist without them, and the filing batch stays short.
CREATE TRIGGER `complaints_filed` AFTER INSERT ON `complaints`
BEGIN
  INSERT INTO `complaint_events` (`complaint_id`, `at`, `action`, `from_state`, `to_state`, `actor_kind`, `is_public`)
    VALUES (NEW.`id`, NEW.`received_at`, 'file', NULL, 'received', 'reporter', 1);
  INSERT INTO `complaint_daily_counts` (`day`, `community_id`, `category_id`, `n`)
    VALUES (date(NEW.`received_at`, '+8 hours'), NEW.`community_id`, NEW.`category_id`, 1)
    ON CONFLICT (`day`, `community_id`, `category_id`) DO UPDATE SET `n` = `n` + 1;
END;
