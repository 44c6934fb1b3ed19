CREATE INDEX `idempotency_keys_complaint_idx` ON `idempotency_keys` (`complaint_id`);--> statement-breakpoint
-- When the retention cron anonymises a case, the hash its idempotency record kept of the filing (over
-- the contact, among the rest) goes too: the database does it, so no path that anonymises can forget.
-- 'contact-deleted' is CONTACT_DELETED_HASH in functions/db/complaints/contact.ts, which the
-- reporter's own deletion writes.
CREATE TRIGGER `complaints_anonymised_idempotency` AFTER UPDATE OF `contact_anonymised_at` ON `complaints`
WHEN OLD.`contact_anonymised_at` IS NULL AND NEW.`contact_anonymised_at` IS NOT NULL
BEGIN
  UPDATE `idempotency_keys` SET `request_hash` = 'contact-deleted'
    WHERE `complaint_id` = NEW.`id` AND `request_hash` <> 'contact-deleted';
END;
