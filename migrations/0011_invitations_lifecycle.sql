ALTER TABLE `invitations` ADD `expires_at` text;--> statement-breakpoint
ALTER TABLE `invitations` ADD `declined_at` text;--> statement-breakpoint
ALTER TABLE `invitations` ADD `revoked_at` text;--> statement-breakpoint
CREATE INDEX `invitations_org_idx` ON `invitations` (`org_id`);--> statement-breakpoint
-- Invitations made before this migration expire 14 days after they were made, like new ones.
UPDATE `invitations` SET `expires_at` = strftime('%Y-%m-%dT%H:%M:%fZ', `created_at`, '+14 days') WHERE `expires_at` IS NULL;
