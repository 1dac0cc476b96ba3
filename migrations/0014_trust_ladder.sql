CREATE TABLE `chapter_coordinators` (
	`country` text NOT NULL,
	`user_id` text NOT NULL,
	`appointed_by` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`appointed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `chapter_coordinators_pk` ON `chapter_coordinators` (`country`,`user_id`);--> statement-breakpoint
CREATE INDEX `chapter_coordinators_user_idx` ON `chapter_coordinators` (`user_id`);--> statement-breakpoint
CREATE TABLE `confirmation_requests` (
	`org_id` text PRIMARY KEY NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `confirmations` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`coordinator_user_id` text NOT NULL,
	`method` text NOT NULL,
	`note` text NOT NULL,
	`created_at` text NOT NULL,
	`revoked_at` text,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`coordinator_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `confirmations_org_idx` ON `confirmations` (`org_id`);--> statement-breakpoint
CREATE TABLE `vouch_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`from_org_id` text NOT NULL,
	`to_org_id` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`answered_at` text,
	FOREIGN KEY (`from_org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `vouch_requests_to_idx` ON `vouch_requests` (`to_org_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `vouch_requests_open_pair` ON `vouch_requests` (`from_org_id`,`to_org_id`) WHERE answered_at IS NULL;--> statement-breakpoint
CREATE TABLE `vouches` (
	`id` text PRIMARY KEY NOT NULL,
	`voucher_org_id` text NOT NULL,
	`vouchee_org_id` text NOT NULL,
	`relationship` text NOT NULL,
	`statement` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`revoked_at` text,
	FOREIGN KEY (`voucher_org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`vouchee_org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `vouches_active_pair` ON `vouches` (`voucher_org_id`,`vouchee_org_id`) WHERE revoked_at IS NULL;--> statement-breakpoint
CREATE INDEX `vouches_vouchee_idx` ON `vouches` (`vouchee_org_id`);--> statement-breakpoint
ALTER TABLE `orgs` ADD `trust_level` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `orgs` ADD `listed_in_chapter` integer DEFAULT false NOT NULL;