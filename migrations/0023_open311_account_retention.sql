-- Custom SQL migration file, put your code below! ---- Hand-written triggers (drizzle-kit has no triggers): the app's account_id of an Open311 filing is
-- an identifier of the reporter, so it goes with their contact. The reporter's deletion through the
-- tracking link clears name, phone and callback wish (functions/db/complaints/contact.ts); the
-- retention cron sets contact_anonymised_at. Either way, in the same statement, account_id goes too.
CREATE TRIGGER `complaints_contact_deleted_open311` AFTER UPDATE OF `reporter_name`, `reporter_phone`, `callback_wanted` ON `complaints`
WHEN NEW.`reporter_name` IS NULL AND NEW.`reporter_phone` IS NULL AND NEW.`callback_wanted` = 0
  AND (OLD.`reporter_name` IS NOT NULL OR OLD.`reporter_phone` IS NOT NULL OR OLD.`callback_wanted` = 1)
BEGIN
  UPDATE `open311_requests` SET `account_id` = NULL WHERE `complaint_id` = NEW.`id` AND `account_id` IS NOT NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `complaints_anonymised_open311` AFTER UPDATE OF `contact_anonymised_at` ON `complaints`
WHEN OLD.`contact_anonymised_at` IS NULL AND NEW.`contact_anonymised_at` IS NOT NULL
BEGIN
  UPDATE `open311_requests` SET `account_id` = NULL WHERE `complaint_id` = NEW.`id` AND `account_id` IS NOT NULL;
END;
