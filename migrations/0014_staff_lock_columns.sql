-- Sign-in no longer locks an account (a stranger could lock an officer out): failures are counted per
-- email and client from the audit log (functions/db/staff/sign-in.ts), so these columns hold nothing.
ALTER TABLE `staff_users` DROP COLUMN `failed_logins`;--> statement-breakpoint
ALTER TABLE `staff_users` DROP COLUMN `locked_until`;